package org.linea.report;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LocalCalendar;
import org.linea.web.ApiClient;
import org.linea.web.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Power BI reads the dashboard and the weekly report as JSON and downloads the feedback log: the pages' figures, small counts hidden. */
class ReportApiIntegrationTests extends ApiIntegrationTest {

	@Autowired
	LineScopes scopes;

	@Autowired
	ReportFigures figures;

	@Autowired
	WeeklyReports reports;

	@Autowired
	Clock clock;

	@Autowired
	ContactService contacts;

	@Test
	void anAnalystReadsTheDashboardAndTheWeeklyReportWithTheirFiguresAndSmallCountsHidden() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola, cuando pagan el bono?", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Integer.class).single() == 1, "queued");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single();
		// the person told their gender, with consent: one person, below the suppression threshold
		long contact = this.jdbc.sql("select contact_id from conversation_conversation where id = ?").param(conversation)
			.query(Long.class).single();
		long consent = this.contacts.recordConsent(contact, "DEMOGRAPHICS", ConsentEvent.GIVEN, "v1", "closing questions");
		this.contacts.saveDemographic(contact, conversation, Demographic.GENDER, "FEMALE", consent);
		signIn(operator);
		this.replies.reply(conversation, "El pago es el lunes.", false);
		this.closing.close(conversation, new Coding(List.of("salud"), List.of(), FeedbackType.QUESTION));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and gender = 'FEMALE'")
			.param(conversation).query(Integer.class).single() == 1, "the record is in the log with the person's gender");
		// the API and the page are read at two instants: what closing sends must be sent and delivered first,
		// or a delivery between the two reads makes them differ
		eventually(() -> this.jdbc.sql("select count(*) from channel_outbox where line_id = ? and status in ('PENDING', 'SENDING')")
			.param(line.id()).query(Integer.class).single() == 0
				&& this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'OUT' and status not in ('DELIVERED', 'READ', 'FAILED')")
					.param(line.id()).query(Integer.class).single() == 0, "what closing sends is delivered");

		LineaUser analyst = newUser(organisation, Role.ANALYST);
		ApiClient powerBi = api(analyst);
		JsonNode dashboard = read(powerBi.get("/api/lines/" + line.key() + "/dashboard"), 200);
		assertThat(dashboard.get("scope").get("key").asString()).isEqualTo("line:" + line.key());
		JsonNode totals = dashboard.get("feedback").get("totals");
		assertThat(totals.get("interactions").asLong()).isEqualTo(1);
		assertThat(totals.get("closed").asLong()).isEqualTo(1);
		assertThat(dashboard.get("feedback").get("topics").get("salud").asLong()).isEqualTo(1);
		assertThat(dashboard.get("feedback").get("demographics").path("GENDER").path("FEMALE").isNumber()).as("one person is hidden").isFalse();
		assertThat(dashboard.get("hidden").valueStream().map(JsonNode::asString)).contains("demographics.GENDER.FEMALE");
		assertThat(dashboard.toString()).doesNotContain("cuando pagan");

		signIn(analyst);
		LineScope scope = this.scopes.resolve("line:" + line.key(), null, null);
		assertThat(totals).as("the dashboard page's figures")
			.isEqualTo(this.json.readTree(this.json.writeValueAsString(this.figures.of(scope).feedback().totals())));

		LocalDate monday = LocalCalendar.weekStart(LocalCalendar.day(this.clock.instant(), line.timeZone()));
		String week = ReportApiController.isoWeek(monday);
		JsonNode weekly = read(powerBi.get("/api/reports/weekly?scope=line:" + line.key() + "&week=" + week + "&language=es"), 200);
		assertThat(weekly.get("week").asString()).isEqualTo(week);
		assertThat(weekly.get("weekStart").asString()).isEqualTo(monday.toString());
		assertThat(weekly.get("language").asString()).isEqualTo("es");
		WeeklyReport page = this.reports.of(scope.between(monday, monday), Locale.forLanguageTag("es"));
		List<String> pageValues = page.sections().stream().flatMap(s -> s.items().stream()).map(i -> i.label() + "=" + i.value()).toList();
		List<String> apiValues = weekly.get("sections").valueStream().flatMap(s -> s.get("items").valueStream())
			.map(i -> i.get("label").asString() + "=" + i.get("value").asString()).toList();
		assertThat(apiValues).as("the page's figures").isEqualTo(pageValues);
		JsonNode interactions = item(weekly, "INTERACTIONS", "Interacciones");
		assertThat(interactions.get("count").asLong()).isEqualTo(1);
		JsonNode female = weekly.get("sections").valueStream().filter(s -> s.get("section").asString().equals("PEOPLE"))
			.flatMap(s -> s.get("items").valueStream()).filter(i -> i.get("label").asString().equals("FEMALE")).findFirst().orElseThrow();
		assertThat(female.get("value").asString()).startsWith("menos de");
		assertThat(female.get("count").isNull()).as("a hidden count has no number").isTrue();
		assertThat(female.get("change").asString()).isEmpty();

		assertThat(powerBi.get("/api/reports/weekly?scope=line:" + line.key() + "&week=2026-W60").statusCode()).isEqualTo(400);
		assertThat(powerBi.get("/api/reports/weekly?scope=line:" + line.key() + "&week=last").statusCode()).isEqualTo(400);
		ApiClient stranger = api(newUser(newOrganisation(), Role.ANALYST));
		assertThat(stranger.get("/api/lines/" + line.key() + "/dashboard").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/reports/weekly?scope=line:" + line.key()).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/organisations/" + organisation.id() + "/dashboard").statusCode()).isEqualTo(404);
		assertThat(api(newUser(organisation, Role.OPERATOR)).get("/api/lines/" + line.key() + "/dashboard").statusCode())
			.as("operators do not read reports").isEqualTo(403);
	}

	@Test
	void theOrganisationsDashboardAddsUpItsLines() {
		Organisation organisation = newOrganisation();
		Line first = newLine(organisation);
		Line second = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		Coding coding = new Coding(List.of("agua"), List.of(), FeedbackType.COMPLAINT);
		long one = answeredAndClosed(first, randomPhone(), operator, coding);
		long two = answeredAndClosed(second, randomPhone(), operator, coding);
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id in (?, ?) and closed_at is not null")
			.params(one, two).query(Integer.class).single() == 2, "both records are in the log");
		ApiClient powerBi = api(newUser(organisation, Role.ANALYST));
		JsonNode dashboard = read(powerBi.get("/api/organisations/" + organisation.id() + "/dashboard"), 200);
		assertThat(dashboard.get("scope").get("key").asString()).isEqualTo("org:" + organisation.id());
		assertThat(dashboard.get("scope").get("lines").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(first.key(),
				second.key());
		assertThat(dashboard.get("feedback").get("totals").get("interactions").asLong()).isEqualTo(2);
		assertThat(dashboard.get("feedback").get("feedbackTypes").get("COMPLAINT").asLong()).isEqualTo(2);
	}

	@Test
	void theFeedbackLogIsDownloadedThroughTheApiAndTheDownloadIsAudited() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		long conversation = answeredAndClosed(line, phone, newUser(organisation, Role.OPERATOR),
				new Coding(List.of("salud"), List.of(), FeedbackType.QUESTION));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and closed_at is not null")
			.param(conversation).query(Integer.class).single() == 1, "the record is in the log");
		ApiClient powerBi = api(newUser(organisation, Role.ANALYST));

		HttpResponse<String> csv = powerBi.get("/api/lines/" + line.key() + "/feedback/export?hxl=true&language=en");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<String> rows = csv.body().lines().toList();
		assertThat(rows.get(0)).startsWith("\uFEFFCode,Date,Line");
		assertThat(rows.get(1)).contains("#meta+id");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(2)).contains("salud").contains("QUESTION").doesNotContain(phone.substring(1));

		byte[] xlsx = powerBi.getBytes("/api/lines/" + line.key() + "/feedback/export?format=xlsx");
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).as("a zip: an .xlsx workbook").isEqualTo("PK");
		assertThat(powerBi.get("/api/lines/" + line.key() + "/feedback/export?format=pdf").statusCode()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'FEEDBACK_LOG_EXPORTED' and subject_id = ?")
			.param("line:" + line.key()).query(Integer.class).single()).isEqualTo(2);
	}

	private static JsonNode item(JsonNode weekly, String section, String label) {
		return weekly.get("sections").valueStream().filter(s -> s.get("section").asString().equals(section))
			.flatMap(s -> s.get("items").valueStream()).filter(i -> i.get("label").asString().equals(label)).findFirst().orElseThrow();
	}

	private ApiClient api(LineaUser user) {
		return api(user, "power-bi");
	}

}
