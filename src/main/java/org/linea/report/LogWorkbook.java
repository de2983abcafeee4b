package org.linea.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.log.LogRecord;

import org.springframework.context.MessageSource;

/**
 * The feedback log as an .xlsx workbook: a summary sheet first, then one sheet per month with a row
 * per interaction. Rows are streamed (SXSSF keeps only a window of rows in memory), records must
 * arrive in date order.
 */
final class LogWorkbook implements AutoCloseable {

	private static final int ROWS_IN_MEMORY = 200;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);

	private final MessageSource messages;

	private final Locale locale;

	private final CellStyle heading;

	private final CellStyle date;

	private final Sheet summary;

	private final Map<YearMonth, MonthSummary> months = new TreeMap<>();

	private Sheet current;

	private YearMonth currentMonth;

	LogWorkbook(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.workbook.setCompressTempFiles(true);
		this.heading = this.workbook.createCellStyle();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		bold.setColor(IndexedColors.WHITE.getIndex());
		this.heading.setFont(bold);
		this.heading.setFillForegroundColor(IndexedColors.DARK_RED.getIndex());
		this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.heading.setBorderBottom(BorderStyle.THIN);
		this.heading.setWrapText(true);
		this.date = this.workbook.createCellStyle();
		this.date.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		this.summary = this.workbook.createSheet(text("report.sheet.summary"));
	}

	Consumer<LogRecord> rows() {
		return this::add;
	}

	private void add(LogRecord record) {
		YearMonth month = YearMonth.from(record.day());
		if (!month.equals(this.currentMonth)) {
			this.current = monthSheet(month);
			this.currentMonth = month;
		}
		Row row = this.current.createRow(this.current.getLastRowNum() + 1);
		for (int i = 0; i < LogColumn.ALL.size(); i++) {
			set(row.createCell(i), LogColumn.ALL.get(i).valueOf(record));
		}
		this.months.computeIfAbsent(month, m -> new MonthSummary()).add(record);
	}

	private Sheet monthSheet(YearMonth month) {
		Sheet sheet = this.workbook.createSheet(month.toString());
		headings(sheet.createRow(0), LogColumn.ALL.stream().map(c -> text(c.headingKey)).toList());
		sheet.createFreezePane(1, 1);
		for (int i = 0; i < LogColumn.ALL.size(); i++) {
			sheet.setColumnWidth(i, 16 * 256);
		}
		return sheet;
	}

	/** Fills the summary sheet and writes the workbook. */
	void write(OutputStream out) throws IOException {
		List<String> columns = new ArrayList<>(List.of(text("report.col.month"), text("report.interactions"),
				text("report.closed"), text("report.answeredBy.BOT"), text("report.answeredBy.PERSON"),
				text("report.answeredBy.NONE"), text("report.satisfactionAverage")));
		for (FeedbackType type : FeedbackType.values()) {
			columns.add(text("feedback." + type.name()));
		}
		headings(this.summary.createRow(0), columns);
		this.summary.createFreezePane(1, 1);
		for (int i = 0; i < columns.size(); i++) {
			this.summary.setColumnWidth(i, 14 * 256);
		}
		int r = 1;
		for (Map.Entry<YearMonth, MonthSummary> month : this.months.entrySet()) {
			Row row = this.summary.createRow(r++);
			MonthSummary s = month.getValue();
			List<Object> values = new ArrayList<>(List.of(month.getKey().toString(), s.interactions, s.closed,
					s.answeredBy.getOrDefault("BOT", 0), s.answeredBy.getOrDefault("PERSON", 0), s.answeredBy.getOrDefault("NONE", 0)));
			values.add(s.rated == 0 ? null : Math.round(10.0 * s.satisfactionSum / s.rated) / 10.0);
			for (FeedbackType type : FeedbackType.values()) {
				values.add(s.types.getOrDefault(type.name(), 0));
			}
			for (int i = 0; i < values.size(); i++) {
				set(row.createCell(i), values.get(i));
			}
		}
		this.workbook.write(out);
	}

	private void headings(Row row, List<String> titles) {
		for (int i = 0; i < titles.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(titles.get(i));
			cell.setCellStyle(this.heading);
		}
	}

	private void set(Cell cell, Object value) {
		switch (value) {
			case null -> cell.setBlank();
			case Number number -> cell.setCellValue(number.doubleValue());
			case LocalDate day -> {
				cell.setCellValue(day);
				cell.setCellStyle(this.date);
			}
			default -> cell.setCellValue(value.toString());
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, this.locale);
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

	private static final class MonthSummary {

		int interactions;

		int closed;

		int rated;

		long satisfactionSum;

		final Map<String, Integer> answeredBy = new TreeMap<>();

		final Map<String, Integer> types = new TreeMap<>();

		void add(LogRecord record) {
			this.interactions++;
			this.closed += record.closed() ? 1 : 0;
			this.answeredBy.merge(record.answeredBy(), 1, Integer::sum);
			if (record.feedbackType() != null) {
				this.types.merge(record.feedbackType(), 1, Integer::sum);
			}
			if (record.satisfaction() != null) {
				this.rated++;
				this.satisfactionSum += record.satisfaction();
			}
		}

	}

}
