package org.linea.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The weekly report as a one-sheet workbook: a row per figure under its section, then the decisions. */
final class WeeklyReportWorkbook {

	private WeeklyReportWorkbook() {
	}

	static void write(WeeklyReport report, String title, String week, String decisionsTitle, String previousTitle, OutputStream out)
			throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle wrapped = workbook.createCellStyle();
			wrapped.setWrapText(true);
			Sheet sheet = workbook.createSheet(report.weekStart().toString());
			sheet.setColumnWidth(0, 50 * 256);
			sheet.setColumnWidth(1, 24 * 256);
			int r = 0;
			styled(sheet.createRow(r++), title, bold);
			sheet.createRow(r++).createCell(0).setCellValue(week);
			r++;
			for (WeeklyReport.Section section : report.sections()) {
				styled(sheet.createRow(r++), section.title(), bold);
				for (WeeklyReport.Item item : section.items()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(item.label());
					if (item.value().matches("\\d+")) {
						row.createCell(1).setCellValue(Long.parseLong(item.value()));
					}
					else if (!item.value().isEmpty()) {
						row.createCell(1).setCellValue(item.value());
					}
				}
				r++;
			}
			styled(sheet.createRow(r++), decisionsTitle, bold);
			styled(sheet.createRow(r++), report.decisions(), wrapped);
			styled(sheet.createRow(r++), previousTitle, bold);
			styled(sheet.createRow(r), report.previousDecisions(), wrapped);
			workbook.write(out);
		}
	}

	private static void styled(Row row, String text, CellStyle style) {
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
	}

}
