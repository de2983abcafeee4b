package org.linea.closure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.privacy.RetentionService;

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

/** A line's exit: the last message to those who wrote in lately, then the referral to anyone writing in, nothing in the queue. */
class LineClosureIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	RetentionService retention;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void closingSendsTheLastMessageToPeopleActiveInTheDaysAndNotToOlderOnes() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String recent = randomPhone();
		String old = randomPhone();
		writeAndWait(line, recent);
		writeAndWait(line, old);
		this.jdbc.sql("""
				update conversation_conversation set last_inbound_at = now() - interval '40 days'
				where contact_id = (select id from contact_contact where line_id = ? and phone_hash = ?)
				""").params(line.id(), this.simulator.phoneHashOf(old)).update();

		MvcResult closed = post(coordinator, line, """
				{"message": {"es": "Esta línea cierra el 31 de diciembre.", "en": "This line closes on 31 December."},
				 "alternatives": "Cruz Roja: 0800-00-111", "activeDays": 30}
				""");
		assertThat(closed.getResponse().getStatus()).isEqualTo(201);
		assertThat(closed.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"recipients\":1", "\"closed\":true");
		long broadcast = this.jdbc.sql("select broadcast_id from closure_line_closure where line_id = ?").param(line.id())
			.query(Long.class).single();
		assertThat(this.jdbc.sql("select kind from broadcast_campaign where id = ?").param(broadcast).query(String.class).single())
			.isEqualTo("CLOSURE");
		eventually(() -> lastMessages(line, recent).stream().anyMatch(m -> m.text() != null
				&& m.text().contains("Esta línea cierra el 31 de diciembre.") && m.text().contains("Cruz Roja: 0800-00-111")),
				"the recent writer gets the last message with the alternatives");
		assertThat(lastMessages(line, old)).as("wrote 40 days ago").noneMatch(m -> m.text() != null && m.text().contains("cierra el 31"));
		assertThat(this.jdbc.sql("select count(*) from broadcast_recipient where campaign_id = ?").param(broadcast).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.lines.get(line.id()).closedAt()).isNotNull();
		assertThat(post(coordinator, line, """
				{"message": {"es": "otra vez"}, "alternatives": "x", "activeDays": 30}
				""").getResponse().getStatus()).as("a line closes once").isEqualTo(400);
	}

	@Test
	void someoneWritingAfterTheClosureGetsTheReferralInTheirLanguageAndNothingIsQueued() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		assertThat(post(coordinator, line, """
				{"message": {"es": "Cerramos."}, "alternatives": "Cruz Roja: 0800-00-111", "activeDays": 7}
				""").getResponse().getStatus()).isEqualTo(201);

		String spanish = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(spanish, "hola, necesito ayuda con el bono", null));
		eventually(() -> lastMessages(line, spanish).stream().anyMatch(m -> "OUT".equals(m.direction())
				&& m.text().equals("La línea Línea de prueba cerró y ya no puede responderte. Puedes acudir a: Cruz Roja: 0800-00-111")),
				"the referral in Spanish");
		String english = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(english, "hello, I need help with the payment please", null));
		eventually(() -> lastMessages(line, english).stream().anyMatch(m -> "OUT".equals(m.direction())
				&& m.text().startsWith("The line Línea de prueba has closed") && m.text().endsWith("Cruz Roja: 0800-00-111")),
				"the referral in English");
		assertThat(lastMessages(line, spanish).stream().filter(m -> "OUT".equals(m.direction())).count())
			.as("no greeting, no bot answer: the referral alone").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state <> 'CLOSED'")
			.param(line.id()).query(Long.class).single()).as("nothing waits in the queue").isZero();
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and close_reason = 'LINE_CLOSED'")
			.param(line.id()).query(Long.class).single()).isEqualTo(2);

		assertThat(this.mvc.perform(MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/broadcasts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Otra\", \"audience\": {\"consent\": \"BROADCASTS\"}, \"message\": {\"text\": \"hola\"}}")
			.with(user(coordinator)).with(csrf())).andReturn().getResponse().getStatus()).as("a closed line writes first no more").isEqualTo(400);
		Map<String, Map<String, Integer>> applied = this.retention.applyRetention();
		assertThat(applied).as("the retention job still runs for the closed line").containsKey(line.key());
		String admin = this.mvc.perform(MockMvcRequestBuilders.get("/lines/" + line.key() + "/closure").with(user(coordinator)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(admin).contains("id=\"closure-state\"", "Cruz Roja: 0800-00-111");
	}

	@Test
	void anOperatorCannotCloseALineNorAnotherOrganisationsCoordinator() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String body = "{\"message\": {\"es\": \"Cerramos.\"}, \"alternatives\": \"Cruz Roja\", \"activeDays\": 7}";
		assertThat(post(newUser(organisation, Role.OPERATOR), line, body).getResponse().getStatus()).isEqualTo(403);
		assertThat(post(newUser(newOrganisation(), Role.COORDINATOR), line, body).getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure").param("text.es", "Cerramos.")
			.param("alternatives", "Cruz Roja").param("activeDays", "7").param("confirm", "true")
			.with(user(newUser(organisation, Role.OPERATOR))).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.lines.get(line.id()).closedAt()).isNull();
		assertThat(post(newUser(organisation, Role.COORDINATOR), line, "{\"alternatives\": \"Cruz Roja\", \"activeDays\": 7}")
			.getResponse().getStatus()).as("no last message").isEqualTo(400);

		LineaUser admin = newUser(organisation, Role.ADMIN);
		MvcResult page = this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure").param("text.es", "Cerramos.")
			.param("alternatives", "Cruz Roja").param("activeDays", "7").with(user(admin)).with(csrf())).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.lines.get(line.id()).closedAt()).as("not without the confirmation").isNull();
		this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure").param("text.es", "Cerramos.")
			.param("alternatives", "Cruz Roja").param("activeDays", "7").param("confirm", "true").with(user(admin)).with(csrf()));
		assertThat(this.lines.get(line.id()).closedAt()).as("an administrator closes it from the page").isNotNull();
		String adminPage = this.mvc.perform(MockMvcRequestBuilders.get("/admin").with(user(admin)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(adminPage).contains("badge closed");
	}

	@Test
	void theOrganisationsOwnReferralTextIsAnsweredInItsLanguageAndTheShippedOneInTheOthers() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		assertThat(post(coordinator, line, """
				{"message": {"es": "Cerramos."}, "alternatives": "Cruz Roja: 0800-00-111", "activeDays": 7,
				 "referral": {"de": "Wir haben geschlossen."}}
				""").getResponse().getStatus()).as("a language the line does not speak").isEqualTo(400);
		MvcResult closed = post(coordinator, line, """
				{"message": {"es": "Cerramos."}, "alternatives": "Cruz Roja: 0800-00-111", "activeDays": 7,
				 "referral": {"es": "Esta línea terminó. Para el bono escribe al 0800-22-333; para salud, al centro de la plaza."}}
				""");
		assertThat(closed.getResponse().getStatus()).isEqualTo(201);
		assertThat(closed.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"referral\":{\"es\":\"Esta línea terminó.");

		String spanish = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(spanish, "hola, necesito ayuda con el bono", null));
		eventually(() -> lastMessages(line, spanish).stream().anyMatch(m -> "OUT".equals(m.direction())
				&& m.text().equals("Esta línea terminó. Para el bono escribe al 0800-22-333; para salud, al centro de la plaza.")),
				"the organisation's own referral in Spanish");
		String english = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(english, "hello, I need help with the payment please", null));
		eventually(() -> lastMessages(line, english).stream().anyMatch(m -> "OUT".equals(m.direction())
				&& m.text().startsWith("The line Línea de prueba has closed") && m.text().endsWith("Cruz Roja: 0800-00-111")),
				"no English text given: the shipped referral with the alternatives");
	}

	@Test
	void aClosureCalledOffLetsTheLineAnswerAgainAndStopsTheLastMessage() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		assertThat(post(coordinator, line, """
				{"message": {"es": "Cerramos el mes que viene."}, "alternatives": "Cruz Roja: 0800-00-111", "activeDays": 7,
				 "closesAt": "2099-01-01T00:00:00Z"}
				""").getResponse().getStatus()).isEqualTo(201);
		long broadcast = this.jdbc.sql("select broadcast_id from closure_line_closure where line_id = ?").param(line.id())
			.query(Long.class).single();
		assertThat(delete(newUser(organisation, Role.OPERATOR), line).getResponse().getStatus()).as("operators never").isEqualTo(403);
		assertThat(delete(newUser(newOrganisation(), Role.COORDINATOR), line).getResponse().getStatus()).isEqualTo(404);

		MvcResult reopened = delete(coordinator, line);
		assertThat(reopened.getResponse().getStatus()).isEqualTo(200);
		assertThat(reopened.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"closed\":false");
		assertThat(this.lines.get(line.id()).closedAt()).isNull();
		assertThat(this.jdbc.sql("select status from broadcast_campaign where id = ?").param(broadcast).query(String.class).single())
			.isIn("CANCELLED", "COMPLETED");
		assertThat(this.jdbc.sql("select count(*) from closure_line_reopening where line_id = ? and reopened_by = ?")
			.params(line.id(), coordinator.id()).query(Long.class).single()).as("kept in the line's history").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'LINE_REOPENED' and subject_id = ?")
			.param(line.key()).query(Long.class).single()).isEqualTo(1);
		assertThat(delete(coordinator, line).getResponse().getStatus()).as("nothing left to call off").isEqualTo(400);

		String person = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(person, "hola, necesito hablar con una persona", null));
		eventually(() -> lastMessages(line, person).stream().anyMatch(m -> "OUT".equals(m.direction())),
				"the line answers again");
		assertThat(lastMessages(line, person)).noneMatch(m -> m.text() != null && m.text().contains("Cruz Roja: 0800-00-111"));

		this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure").param("text.es", "Ahora sí cerramos.")
			.param("alternatives", "Cruz Roja").param("activeDays", "7").param("confirm", "true").with(user(coordinator)).with(csrf()));
		assertThat(this.lines.get(line.id()).closedAt()).as("and it can be closed again").isNotNull();
		MvcResult unconfirmed = this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure/reopen")
			.with(user(coordinator)).with(csrf())).andReturn();
		assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(302);
		assertThat(unconfirmed.getFlashMap().get("errorText")).isEqualTo("Tick the confirmation to reopen the line.");
		assertThat(this.lines.get(line.id()).closedAt()).as("not without the confirmation").isNotNull();
		this.mvc.perform(MockMvcRequestBuilders.post("/lines/" + line.key() + "/closure/reopen").param("confirm", "true")
			.with(user(coordinator)).with(csrf()));
		assertThat(this.lines.get(line.id()).closedAt()).as("reopened from the page").isNull();
	}

	private MvcResult delete(LineaUser user, Line line) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.delete("/api/lines/" + line.key() + "/closure").with(user(user)).with(csrf())).andReturn();
	}

	private void writeAndWait(Line line, String phone) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola, cuando pagan el bono?", null));
		eventually(() -> this.jdbc.sql("""
				select count(*) from conversation_conversation c join contact_contact p on p.id = c.contact_id
				where c.line_id = ? and p.phone_hash = ? and c.last_inbound_at is not null
				""").params(line.id(), this.simulator.phoneHashOf(phone)).query(Long.class).single() == 1, "the person wrote in");
	}

	private List<SimulatorMessage> lastMessages(Line line, String phone) {
		return this.simulator.thread(line, phone);
	}

	private MvcResult post(LineaUser user, Line line, String json) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/closure").contentType(MediaType.APPLICATION_JSON)
			.content(json).with(user(user)).with(csrf())).andReturn();
	}

}
