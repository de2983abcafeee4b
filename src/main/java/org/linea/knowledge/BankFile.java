package org.linea.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.SpreadsheetText;

/**
 * Reads and writes the cells of a bank file, or of any imported table (e.g. people with their consent):
 * RFC 4180 .csv (UTF-8) or the first sheet of an .xlsx.
 */
public enum BankFile {

	CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	/** A row of the file by its column names, with its row number as a spreadsheet shows it (header is 1). */
	public record Row(int number, Map<String, String> cells) {

		public String get(String column) {
			String value = this.cells.get(column);
			return value == null ? "" : value.strip();
		}

	}

	/** The file's header (lower case) and rows. */
	public record Content(List<String> header, List<Row> rows) {
	}

	private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final String mediaType;

	private final String extension;

	BankFile(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public static BankFile of(String format) {
		for (BankFile file : values()) {
			if (file.extension.equalsIgnoreCase(format)) {
				return file;
			}
		}
		throw new InvalidRequestException("error.knowledge.unknown-format-use-csv", format);
	}

	/** The format of an uploaded file, from its name, else from its first bytes (an .xlsx is a zip). */
	public static BankFile detect(String filename, byte[] content) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return XLSX;
		}
		if (name.endsWith(".csv")) {
			return CSV;
		}
		return content.length > 1 && content[0] == 'P' && content[1] == 'K' ? XLSX : CSV;
	}

	public Content read(InputStream in) {
		try {
			return this == CSV ? readCsv(in) : readXlsx(in);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidRequestException invalid) {
				throw invalid;
			}
			throw new InvalidRequestException("error.knowledge.file-could-read", this.extension, ex.getMessage());
		}
	}

	void write(List<String> header, List<List<String>> rows, OutputStream out) {
		try {
			if (this == CSV) {
				writeCsv(header, rows, out);
			}
			else {
				writeXlsx(header, rows, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Content readCsv(InputStream in) throws IOException {
		Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
		try (CSVParser parser = CSV_FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			List<String> header = parser.getHeaderNames().stream().map(BankFile::columnName).toList();
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < header.size() && i < record.size(); i++) {
					cells.put(header.get(i), SpreadsheetText.unescape(record.get(i)));
				}
				// the header is row 1, as in a spreadsheet
				rows.add(new Row((int) record.getRecordNumber() + 1, cells));
			}
			return new Content(header, rows);
		}
	}

	private static Content readXlsx(InputStream in) throws IOException {
		try (Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			org.apache.poi.ss.usermodel.Row first = sheet.getRow(sheet.getFirstRowNum());
			if (first == null) {
				return new Content(List.of(), List.of());
			}
			List<String> header = new ArrayList<>();
			for (int c = 0; c < first.getLastCellNum(); c++) {
				Cell cell = first.getCell(c);
				header.add(cell == null ? "" : columnName(formatter.formatCellValue(cell)));
			}
			List<Row> rows = new ArrayList<>();
			for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean empty = true;
				for (int c = 0; c < header.size(); c++) {
					Cell cell = row.getCell(c);
					String value = cell == null ? "" : formatter.formatCellValue(cell);
					empty &= value.isBlank();
					cells.put(header.get(c), value);
				}
				if (!empty) {
					rows.add(new Row(r + 1, cells));
				}
			}
			return new Content(header, rows);
		}
	}

	private static void writeCsv(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (CSVPrinter printer = new CSVPrinter(writer, CSV_FORMAT)) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(SpreadsheetText::escape));
			}
		}
	}

	private static void writeXlsx(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try {
			Sheet sheet = workbook.createSheet("knowledge");
			writeRow(sheet.createRow(0), header);
			for (int i = 0; i < rows.size(); i++) {
				writeRow(sheet.createRow(i + 1), rows.get(i));
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void writeRow(org.apache.poi.ss.usermodel.Row row, List<String> values) {
		for (int c = 0; c < values.size(); c++) {
			row.createCell(c).setCellValue(values.get(c));
		}
	}

	private static String columnName(String raw) {
		return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
	}

}
