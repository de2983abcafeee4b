package org.linea.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linea.shared.SpreadsheetText;

/** The results as the files Kobo users open: CSV (UTF-8 with a byte-order mark) or .xlsx, texts defused. */
enum ResultsFiles {

	CSV("text/csv;charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	final String mediaType;

	final String extension;

	ResultsFiles(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	static ResultsFiles of(String format) {
		return "xlsx".equalsIgnoreCase(format) ? XLSX : CSV;
	}

	byte[] write(SurveyResults results) {
		try {
			return this == CSV ? csv(results) : xlsx(results);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] csv(SurveyResults results) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			printer.printRecord(results.columns());
			for (List<String> row : results.rows()) {
				printer.printRecord(row.stream().map(SpreadsheetText::defuse));
			}
		}
		return out.toByteArray();
	}

	private static byte[] xlsx(SurveyResults results) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("data");
			write(sheet.createRow(0), results.columns());
			int n = 1;
			for (List<String> row : results.rows()) {
				write(sheet.createRow(n++), row);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}

	private static void write(Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}

}
