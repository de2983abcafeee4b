package org.linea.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.LineaUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The weekly PDF as a reader gets it: a summary page with its charts, detail pages, each figure the
 * dashboard shows for the same week, against the week before; the same figures in the workbook with
 * native charts. Also renders the summary page to target/weekly-report-sample.png.
 */
class WeeklyReportPdfTests extends SeededWeekTest {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void thePdfHasASummaryPageWithChartsAndDetailPagesWhoseFiguresAreTheDashboards() throws Exception {
		Week week = seedWeek();
		String scope = "line:" + week.line().key();
		String dashboard = this.mvc.perform(get("/report/dashboard/data").param("scope", scope)
				.param("from", week.monday().toString()).param("to", week.monday().plusDays(6).toString()).with(user(week.coordinator())))
			.andReturn().getResponse().getContentAsString();
		byte[] pdf = download(week.coordinator(), "/report/weekly.pdf", scope, week, "en");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			String summary = page(document, 1);
			assertThat(summary).contains("Weekly executive report").contains("Week of " + week.monday());
			// the tiles: each figure the dashboard's, with its change against the week before
			assertThat(summary).contains(figure(dashboard, "users") + " ").contains("People reached")
				.contains("New topics this week: transferencias, conducta_personal");
			assertThat(figure(dashboard, "interactions")).isEqualTo(3);
			long images = 0;
			for (COSName name : document.getPage(0).getResources().getXObjectNames()) {
				images += document.getPage(0).getResources().isImageXObject(name) ? 1 : 0;
			}
			assertThat(images).as("charts on the summary page").isEqualTo(WeeklyCharts.ON_SUMMARY);

			String details = new PDFTextStripper().getText(document);
			assertThat(details).contains("Weekly executive report — Details")
				.contains("Interactions: " + figure(dashboard, "interactions") + " +2")
				.contains("People reached: " + figure(dashboard, "users"))
				.contains("Closed interactions: " + figure(dashboard, "closed"))
				.contains("Messages received: " + figure(dashboard, "messagesIn"))
				.contains("Not answered: " + figure(dashboard, "unanswered"))
				.contains("Answered late: " + figure(dashboard, "late"))
				.contains("Question: 2")
				.contains("Complaint: 1")
				.contains("transferencias: 2  (new)")
				.contains("Failed: " + JsonPath.read(dashboard, "$.messaging.byChannel.WEB.failed"))
				.contains("131047: 1")
				.containsPattern("#\\d+: 1  \\(rising\\) \\+1")
				// the downloaded report names operators for the coordinators; the emailed one does not
				.contains(OPERATOR_NAME);
			assertThat((Integer) JsonPath.read(dashboard, "$.messaging.byChannel.WEB.failed")).isEqualTo(1);

			BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(0, 110);
			Path sample = Path.of("target", "weekly-report-sample.png");
			Files.createDirectories(sample.getParent());
			ImageIO.write(rendered, "png", sample.toFile());
			assertThat(rendered.getWidth()).isGreaterThan(800);
		}

		// by default in the organisation's language: the line speaks Spanish first
		try (PDDocument document = Loader.loadPDF(download(week.coordinator(), "/report/weekly.pdf", scope, week, null))) {
			assertThat(page(document, 1)).contains("Informe ejecutivo semanal").contains("Personas alcanzadas");
		}
	}

	@Test
	void theWorkbookKeepsTheFiguresInSheetsWithNativeCharts() throws Exception {
		Week week = seedWeek();
		byte[] xlsx = download(week.coordinator(), "/report/weekly.xlsx", "line:" + week.line().key(), week, "en");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(week.monday().toString());
			XSSFSheet types = workbook.getSheet("Types of feedback");
			assertThat(types).isNotNull();
			List<XSSFChart> charts = types.getDrawingPatriarch().getCharts();
			assertThat(charts).hasSize(1);
			assertThat(charts.getFirst().getChartSeries().getFirst().getSeriesCount()).isEqualTo(2);
			// this week's column: two questions, one complaint
			assertThat(types.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Question");
			assertThat(types.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2);
			assertThat(types.getRow(1).getCell(1).getNumericCellValue()).as("last week").isEqualTo(1);
			assertThat(workbook.getSheet("Messages sent, by channel").getDrawingPatriarch().getCharts()).hasSize(1);
		}
	}

	private byte[] download(LineaUser user, String path, String scope, Week week, String language) throws Exception {
		var request = get(path).param("scope", scope).param("from", week.monday().plusDays(2).toString()).with(user(user));
		if (language != null) {
			request.param("language", language);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsByteArray();
	}

	private static long figure(String dashboard, String name) {
		return ((Number) JsonPath.read(dashboard, "$.totals." + name)).longValue();
	}

	private static String page(PDDocument document, int page) throws Exception {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

}
