package org.linea.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.linea.feedback.log.LogRecord;
import org.linea.shared.SpreadsheetText;

import org.springframework.context.MessageSource;

/**
 * The feedback log as CSV (UTF-8 with a byte-order mark, so spreadsheets read accents), optionally
 * with an HXL hashtag row under the headings for humanitarian data tools.
 */
final class LogCsv {

	private LogCsv() {
	}

	/** Writes the headings, then hands back a sink that writes one record per call; flush by closing the printer. */
	static CSVPrinter open(OutputStream out, boolean hxl, MessageSource messages, Locale locale) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		printer.printRecord(LogColumn.ALL.stream().map(c -> messages.getMessage(c.headingKey, null, locale)));
		if (hxl) {
			printer.printRecord(LogColumn.ALL.stream().map(c -> c.hxl));
		}
		return printer;
	}

	static Consumer<LogRecord> rows(CSVPrinter printer) {
		return record -> {
			try {
				printer.printRecord(LogColumn.ALL.stream().map(c -> safe(c.valueOf(record))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/**
	 * A text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
	 * prefixed with a quote; numbers stay numbers.
	 */
	static Object safe(Object value) {
		return value instanceof String text ? SpreadsheetText.defuse(text) : value;
	}

}
