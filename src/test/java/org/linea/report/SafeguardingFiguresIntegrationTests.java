package org.linea.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.LineScopes;
import org.linea.safeguarding.Category;
import org.linea.safeguarding.SafeguardingService;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases on a line reach the dashboard and the weekly report as counts only, small ones hidden. */
class SafeguardingFiguresIntegrationTests extends InteractionsIntegrationTest {

	private static final String SECRET = "quiero hablar con una persona, soy Wenceslao";

	@Autowired
	SafeguardingService safeguarding;

	@Autowired
	WeeklyReports reports;

	@Autowired
	LineScopes scopes;

	@LocalServerPort
	int port;

	@Test
	void casesAreCountedByCategoryAndStatusWithSmallCountsHiddenAndNoTextOrCode() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			codes.add(flagged(line, operator, Category.FRAUD));
		}
		codes.add(flagged(line, operator, Category.GBV));
		codes.add(flagged(line, operator, Category.CHILD));
		// a case of another organisation's line stays out of this line's figures
		Organisation other = newOrganisation();
		flagged(newLine(other), newUser(other, Role.OPERATOR), Category.FRAUD);
		LocalDate today = this.jdbc.sql("select (opened_at at time zone ?)::date from safeguarding_case where code = ?")
			.params(line.timeZone().getId(), codes.getFirst()).query(LocalDate.class).single();

		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		SignedInClient client = new SignedInClient(this.port).withHeader("Accept-Language", "en")
			.signIn(coordinator.getUsername(), "a-long-test-password");
		String page = client.get("/report/dashboard?scope=line:" + line.key() + "&from=" + today + "&to=" + today).body();
		String cases = page.substring(page.indexOf("id=\"safeguarding-cases\""));
		cases = cases.substring(0, cases.indexOf("</div>"));
		assertThat(cases).containsPattern("Cases opened</span>:\\s*<strong>7</strong>")
			.containsPattern("Fraud, bribe or PIN asked</td>\\s*<td[^>]*>5</td>")
			.containsPattern("Gender-based violence</td>\\s*<td[^>]*>fewer than 5</td>")
			.containsPattern("Child protection</td>\\s*<td[^>]*>fewer than 5</td>")
			.containsPattern("Trafficking or forced work</td>\\s*<td[^>]*>0</td>")
			.containsPattern("Open</td>\\s*<td[^>]*>7</td>");
		assertThat(page).doesNotContain("Wenceslao");
		codes.forEach(code -> assertThat(page).doesNotContain(code));

		signIn(coordinator);
		WeeklyReport report = this.reports.of(this.scopes.resolve("line:" + line.key(), today, today), Locale.forLanguageTag("es"));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		WeeklyReportPdf.write(report, "Informe ejecutivo semanal", "Semana", "Decisiones tomadas", "Decisiones anteriores", pdf);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Casos de salvaguarda")
			.contains("Casos abiertos: 7")
			.contains("Fraude, soborno o PIN pedido: 5")
			.contains("Violencia basada en género: menos de 5")
			.contains("Protección de la niñez: menos de 5")
			.contains("Abierto: 7")
			.doesNotContain("Wenceslao");
		codes.forEach(code -> assertThat(text).doesNotContain(code));
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		WeeklyReportWorkbook.write(report, "Informe", "Semana", "Decisiones tomadas", "Decisiones anteriores", xlsx);
		Map<String, String> cells = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			for (Row row : workbook.getSheetAt(0)) {
				Cell value = row.getCell(1);
				cells.put(row.getCell(0).getStringCellValue(), value == null ? "" : value.toString());
			}
		}
		assertThat(cells).containsEntry("Fraude, soborno o PIN pedido", "5.0")
			.containsEntry("Violencia basada en género", "menos de 5")
			.containsEntry("Abierto", "7.0");
		assertThat(cells.toString()).doesNotContain("Wenceslao");
		assertThat(client.get("/report/weekly?scope=line:" + line.key() + "&from=" + today).body())
			.contains("Fraud, bribe or PIN asked").doesNotContain("Wenceslao");
	}

	/** A person writes, the operator takes the conversation and flags the message; returns the case's code. */
	private String flagged(Line line, LineaUser operator, Category category) {
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, SECRET, null));
		eventually(() -> this.jdbc.sql("""
				select count(*) from conversation_conversation c join conversation_message m on m.conversation_id = c.id
				where c.line_id = ? and c.state = 'QUEUED' and m.direction = 'IN' and m.id = (select max(id) from conversation_message
				    where conversation_id = c.id and direction = 'IN') and c.id not in (select conversation_id from safeguarding_case
				    where conversation_id is not null)
				""").param(line.id()).query(Integer.class).single() > 0, "queued");
		long conversation = this.jdbc.sql("""
				select max(id) from conversation_conversation where line_id = ?
				    and id not in (select conversation_id from safeguarding_case where conversation_id is not null)
				""").param(line.id()).query(Long.class).single();
		long message = this.jdbc.sql("select max(id) from conversation_message where conversation_id = ? and direction = 'IN'")
			.param(conversation).query(Long.class).single();
		signIn(operator);
		this.claims.claim(conversation);
		return this.safeguarding.flag(conversation, message, category, false).code();
	}

}
