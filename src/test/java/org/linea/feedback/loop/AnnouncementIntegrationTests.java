package org.linea.feedback.loop;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.rumour.RumourService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Closing the loop: an announcement about feedback themes or rumours reaches the raisers who consented, and marks their records. */
class AnnouncementIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ContactService contacts;

	@Autowired
	RumourService rumours;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void anAnnouncementOnAThemeReachesTheConsentedRaisersOnlyAndMarksTheirRecords() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String theme = topic(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String consenting = randomPhone();
		String silent = randomPhone();
		String elsewhere = randomPhone();
		long consentingRecord = answeredAndClosed(line, consenting, operator, new Coding(List.of(theme), List.of(), FeedbackType.COMPLAINT));
		long silentRecord = answeredAndClosed(line, silent, operator, new Coding(List.of(theme), List.of(), FeedbackType.COMPLAINT));
		long otherTopic = answeredAndClosed(line, elsewhere, operator, new Coding(List.of(), List.of(), FeedbackType.QUESTION));
		consent(line, consenting);
		consent(line, elsewhere);
		logged(consentingRecord, silentRecord, otherTopic);

		MvcResult created = post(coordinator, "/api/lines/" + line.key() + "/announcements", """
				{"name": "Pagos", "themes": ["%s"], "message": {"text": "Gracias por avisarnos: el pago del bono se adelantó al lunes."}}
				""".formatted(theme));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String body = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"recipients\":1", "\"SKIPPED_NO_CONSENT\":1", "\"records\":1");
		long broadcast = this.jdbc.sql("select broadcast_id from feedback_announcement where line_id = ?").param(line.id())
			.query(Long.class).single();
		long announcement = this.jdbc.sql("select id from feedback_announcement where line_id = ?").param(line.id()).query(Long.class).single();
		assertThat(body).contains("\"id\":" + announcement, "\"broadcast\":" + broadcast);

		eventually(() -> status(broadcast, consenting).equals("SENT") || status(broadcast, consenting).equals("DELIVERED")
				|| status(broadcast, consenting).equals("READ"), "the consenting raiser is sent the announcement");
		assertThat(status(broadcast, silent)).as("never consented").isEqualTo("SKIPPED_NO_CONSENT");
		assertThat(this.jdbc.sql("select count(*) from broadcast_recipient where campaign_id = ?").param(broadcast).query(Long.class).single())
			.as("someone who did not raise the theme is not listed, consent or not").isEqualTo(2);
		eventually(() -> this.simulator.thread(line, consenting).stream().anyMatch(m -> m.text() != null && m.text().contains("se adelantó")),
				"the announcement reaches the phone");
		assertThat(this.simulator.thread(line, silent)).noneMatch(m -> m.text() != null && m.text().contains("se adelantó"));

		assertThat(mark(consentingRecord)).isEqualTo(announcement);
		assertThat(mark(silentRecord)).as("not told, so not closed").isNull();
		assertThat(mark(otherTopic)).isNull();
		String log = this.mvc.perform(MockMvcRequestBuilders.get("/feedback/log/" + consentingRecord).with(user(coordinator)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(log).contains("id=\"loop-closed\"", "#" + announcement);
		String csv = this.mvc.perform(MockMvcRequestBuilders.get("/report/export/log.csv").param("scope", "line:" + line.key())
			.with(user(coordinator))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().filter(l -> l.strip().endsWith("," + announcement)).count()).as("the export's loop columns").isEqualTo(1);
	}

	@Test
	void anAnnouncementOnARumourReachesThoseWhoReportedIt() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String reporter = randomPhone();
		long record = answeredAndClosed(line, reporter, operator, new Coding(List.of(), List.of(), FeedbackType.RUMOUR));
		consent(line, reporter);
		logged(record);
		signIn(coordinator);
		long rumour = this.rumours.flag(record, null);

		MvcResult created = post(coordinator, "/api/lines/" + line.key() + "/announcements",
				"{\"name\": \"Bono\", \"rumours\": [" + rumour + "], \"message\": {\"text\": \"El bono no se cancela.\"}}");
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		assertThat(created.getResponse().getContentAsString()).contains("\"recipients\":1");
		assertThat(mark(record)).isNotNull();
	}

	@Test
	void anOperatorCannotAnnounceAndAnAnnouncementNeedsAThemeOrRumour() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		assertThat(post(operator, "/api/lines/" + line.key() + "/announcements",
				"{\"name\": \"x\", \"themes\": [\"salud\"], \"message\": {\"text\": \"hola\"}}").getResponse().getStatus()).isEqualTo(403);
		assertThat(post(coordinator, "/api/lines/" + line.key() + "/announcements",
				"{\"name\": \"x\", \"message\": {\"text\": \"hola\"}}").getResponse().getStatus()).isEqualTo(400);
		assertThat(post(coordinator, "/api/lines/" + line.key() + "/announcements",
				"{\"name\": \"x\", \"themes\": [\"no_such_topic\"], \"message\": {\"text\": \"hola\"}}").getResponse().getStatus()).isEqualTo(400);
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/feedback/announcements/new").param("line", line.key())
			.with(user(coordinator))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"announcement-form\"");
		String docs = this.mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/lines/{lineKey}/announcements", "/api/lines/{lineKey}/closure");
	}

	private String topic(Organisation organisation) {
		String code = "pagos_" + (System.nanoTime() % 1_000_000);
		this.jdbc.sql("insert into feedback_codebook_entry (organisation_id, category, code, label_es, label_en) values (?, 'topic', ?, 'Pagos', 'Payments')")
			.params(organisation.id(), code).update();
		return code;
	}

	private void consent(Line line, String phone) {
		long contact = this.contacts.find(line.id(), this.simulator.phoneHashOf(phone)).orElseThrow().id();
		this.contacts.recordConsent(contact, "BROADCASTS", ConsentEvent.GIVEN, "v1", "test");
	}

	private void logged(long... conversations) {
		for (long conversation : conversations) {
			eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and closed_at is not null")
				.param(conversation).query(Long.class).single() == 1, "the interaction is logged");
		}
	}

	private String status(long broadcast, String phone) {
		return this.jdbc.sql("""
				select r.status from broadcast_recipient r join contact_contact c on c.id = r.contact_id
				where r.campaign_id = ? and c.phone_hash = ?
				""").params(broadcast, this.simulator.phoneHashOf(phone)).query(String.class).optional().orElse("NOT_LISTED");
	}

	private Long mark(long conversation) {
		return this.jdbc.sql("select loop_announcement_id from feedback_log where conversation_id = ?").param(conversation)
			.query(Long.class).optional().orElse(null);
	}

	private MvcResult post(LineaUser user, String path, String json) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json)
			.with(user(user)).with(csrf())).andReturn();
	}

}
