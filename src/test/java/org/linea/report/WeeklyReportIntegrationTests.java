package org.linea.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LocalCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyReportIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	WeeklyReports reports;

	@Autowired
	LineScopes scopes;

	@Test
	void theWeeksReportCountsQuestionsComplaintsAndTopicsAndCarriesLastWeeksDecisionsIntoPdfAndXlsx() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION), FeedbackType.QUESTION));
		answeredAndClosed(line, randomPhone(), operator, new Coding(List.of("transferencias"), List.of(), FeedbackType.QUESTION));
		long last = answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("conducta_personal"), List.of(), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type is not null")
			.param(last).query(Integer.class).single() == 1, "logged");
		LocalDate today = this.jdbc.sql("select opened_day from feedback_log where conversation_id = ?").param(last)
			.query(LocalDate.class).single();
		LocalDate monday = LocalCalendar.weekStart(today);

		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		LineScope scope = this.scopes.resolve("line:" + line.key(), today, today);
		this.reports.saveDecisions(scope.between(monday.minusWeeks(1), monday.minusWeeks(1)), monday.minusWeeks(1),
				"Publicar el calendario de pagos del bono");
		this.reports.saveDecisions(scope, today, "Capacitar al equipo de Tumbes");

		WeeklyReport report = this.reports.of(scope, Locale.forLanguageTag("es"));
		assertThat(report.weekStart()).isEqualTo(monday);
		assertThat(report.weekEnd()).isEqualTo(monday.plusDays(6));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		WeeklyReportPdf.write(report, "Informe ejecutivo semanal", "Semana", "Decisiones tomadas", "Decisiones anteriores", pdf);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Informe ejecutivo semanal")
			.contains("Interacciones cerradas: 3")
			.contains("Pregunta: 2")
			.contains("Queja: 1")
			.contains("2 preguntas, por tema:")
			.contains("transferencias: 2")
			.contains("1 quejas, por tema:")
			.contains("conducta_personal: 1")
			.contains("Capacitar al equipo de Tumbes")
			.contains("Publicar el calendario de pagos del bono");

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		WeeklyReportWorkbook.write(report, "Informe", "Semana", "Decisiones tomadas", "Decisiones anteriores", xlsx);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo(monday.toString());
			int closedRow = -1;
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				if (sheet.getRow(r) != null && "Interacciones cerradas".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
					closedRow = r;
				}
			}
			assertThat(closedRow).isPositive();
			assertThat(sheet.getRow(closedRow).getCell(1).getNumericCellValue()).isEqualTo(3);
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
				.isEqualTo("Publicar el calendario de pagos del bono");
		}
	}

	@Test
	void analystsReadTheReportButCannotWriteDecisions() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		signIn(newUser(organisation, Role.ANALYST));
		LineScope scope = this.scopes.resolve("line:" + line.key(), null, null);
		assertThat(this.reports.of(scope, Locale.ENGLISH).sections()).isNotEmpty();
		assertThatThrownBy(() -> this.reports.saveDecisions(scope, scope.from(), "x")).isInstanceOf(AccessDeniedException.class);
	}

}
