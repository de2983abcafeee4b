package org.linea.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The weekly report as a workbook teams used to the Excel dashboard recognise: a first sheet with
 * a row per figure under its section (value, change against the week before, the last four weeks),
 * then the decisions; a sheet per chart with its figures and a native Excel chart drawn from them;
 * a sheet with the follow-up of the week before's decisions.
 */
final class WeeklyReportWorkbook {

	private WeeklyReportWorkbook() {
	}

	static void write(WeeklyReport report, OutputStream out) throws IOException {
		write(report, report.text("title"), report.text("week"), report.text("decisions"), report.text("previousDecisions"), out);
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
			Row header = sheet.createRow(r++);
			header.createCell(0).setCellValue(report.text("figure"));
			header.createCell(2).setCellValue(report.text("change"));
			for (int w = 0; w < report.weeks().size(); w++) {
				header.createCell(3 + w).setCellValue(report.weeks().get(w).toString());
			}
			for (WeeklyReport.Section section : report.sections()) {
				styled(sheet.createRow(r++), section.title(), bold);
				for (WeeklyReport.Item item : section.items()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(item.hasCallout() ? item.label() + " (" + item.callout() + ")" : item.label());
					number(row, 1, item.value());
					if (!item.arrowAndChange().isEmpty()) {
						row.createCell(2).setCellValue(item.arrowAndChange());
					}
					for (int w = 0; w < item.lastFour().size(); w++) {
						number(row, 3 + w, item.lastFour().get(w));
					}
				}
				r++;
			}
			styled(sheet.createRow(r++), decisionsTitle, bold);
			styled(sheet.createRow(r++), report.decisions(), wrapped);
			styled(sheet.createRow(r++), previousTitle, bold);
			styled(sheet.createRow(r), report.previousDecisions(), wrapped);
			Set<String> names = new HashSet<>(Set.of(sheet.getSheetName()));
			for (ReportChart chart : report.charts()) {
				chartSheet(workbook, chart, name(chart.title(), names), bold);
			}
			followUps(workbook, report, name(report.text("followUp"), names), bold);
			workbook.write(out);
		}
	}

	/** The chart's figures as a table, and a native chart of them beside it. */
	private static void chartSheet(XSSFWorkbook workbook, ReportChart chart, String name, CellStyle bold) {
		XSSFSheet sheet = workbook.createSheet(name);
		sheet.setColumnWidth(0, 30 * 256);
		Row header = sheet.createRow(0);
		styled(header, chart.title(), bold);
		for (int s = 0; s < chart.series().size(); s++) {
			header.createCell(s + 1).setCellValue(chart.series().get(s).name());
		}
		List<String> categories = chart.categories();
		for (int c = 0; c < categories.size(); c++) {
			Row row = sheet.createRow(c + 1);
			row.createCell(0).setCellValue(categories.get(c));
			for (int s = 0; s < chart.series().size(); s++) {
				Long value = chart.series().get(s).values().get(c);
				if (value != null) {
					row.createCell(s + 1).setCellValue(value);
				}
			}
		}
		if (categories.isEmpty()) {
			return;
		}
		int columns = chart.series().size() + 1;
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFChart excel = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, columns + 1, 0, columns + 10, 18));
		excel.setTitleText(chart.title());
		excel.setTitleOverlay(false);
		excel.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis bottom = excel.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis left = excel.createValueAxis(AxisPosition.LEFT);
		left.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(1, categories.size(), 0, 0));
		XDDFChartData data = excel.createData(chart.kind() == ReportChart.Kind.LINE ? ChartTypes.LINE : ChartTypes.BAR, bottom, left);
		for (int s = 0; s < chart.series().size(); s++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(1, categories.size(), s + 1, s + 1));
			XDDFChartData.Series series = data.addSeries(labels, values);
			series.setTitle(chart.series().get(s).name(), new CellReference(sheet.getSheetName(), 0, s + 1, true, true));
		}
		if (data instanceof XDDFBarChartData bars) {
			bars.setBarDirection(BarDirection.COL);
			bars.setVaryColors(false);
		}
		excel.plot(data);
	}

	private static void followUps(XSSFWorkbook workbook, WeeklyReport report, String name, CellStyle bold) {
		XSSFSheet sheet = workbook.createSheet(name);
		sheet.setColumnWidth(0, 60 * 256);
		sheet.setColumnWidth(2, 40 * 256);
		styled(sheet.createRow(0), report.text("followUp"), bold);
		int r = 1;
		for (WeeklyReport.FollowUp followUp : report.followUps()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(followUp.decision());
			row.createCell(1).setCellValue(followUp.statusLabel());
			row.createCell(2).setCellValue(followUp.note());
		}
	}

	/** A sheet name Excel accepts (31 characters, no []:*?/\) and not taken yet. */
	private static String name(String wanted, Set<String> taken) {
		String base = WorkbookUtil.createSafeSheetName(wanted);
		String name = base;
		for (int i = 2; taken.contains(name.toLowerCase()) || taken.contains(name); i++) {
			String suffix = " " + i;
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
		}
		taken.add(name.toLowerCase());
		return name;
	}

	private static void number(Row row, int column, String value) {
		if (value.matches("\\d+")) {
			row.createCell(column).setCellValue(Long.parseLong(value));
		}
		else if (!value.isEmpty()) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static void styled(Row row, String text, CellStyle style) {
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
	}

}
