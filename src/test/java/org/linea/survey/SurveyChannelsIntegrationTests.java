package org.linea.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.Role;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.access.ChannelType;
import org.linea.inbox.Closing;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A survey over the fake WhatsApp Cloud API (buttons, a list, numbered text) and over Twilio SMS (numbered options). */
class SurveyChannelsIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	RemindUnfinishedSurveys reminders;

	@Autowired
	Closing closing;

	private static byte[] form() {
		List<String[]> choices = new ArrayList<>();
		choices.add(new String[] { "list_name", "name", "label" });
		choices.add(new String[] { "yes_no", "yes", "Sí" });
		choices.add(new String[] { "yes_no", "no", "No" });
		for (int i = 1; i <= 5; i++) {
			choices.add(new String[] { "region", "r" + i, "Región " + i });
		}
		for (int i = 1; i <= 12; i++) {
			choices.add(new String[] { "district", "d" + i, "Distrito " + i });
		}
		for (String need : List.of("a", "b", "c")) {
			choices.add(new String[] { "needs", need, "Necesidad " + need.toUpperCase() });
		}
		return new XlsForms().sheet("survey", new String[] { "type", "name", "label", "required" },
				new String[] { "select_one yes_no", "consent", "¿Aceptas responder?", "yes" },
				new String[] { "select_one region", "region", "¿En qué región vives?", "yes" },
				new String[] { "select_one district", "district", "¿En qué distrito?", "yes" },
				new String[] { "select_multiple needs", "needs", "¿Qué necesitas?", "yes" })
			.sheet("choices", choices.toArray(String[][]::new))
			.sheet("settings", new String[] { "form_id", "version", "default_language" }, new String[] { "channels", "1", "es" })
			.bytes();
	}

	private long importAndInvite(Line line, String phone) {
		long userId = this.users.create(unique("coordinator"), "Coordinator", "a-long-test-password");
		this.users.grant(userId, line.organisationId(), Role.COORDINATOR);
		signIn(this.users.findById(userId).orElseThrow());
		long surveyId = this.surveys.importForm(line.key(), form());
		Invited invited = this.surveys.invite(surveyId, new Invitation(List.of(phone), null, null, null));
		assertThat(invited.invited()).as(invited.toString()).isEqualTo(1);
		return surveyId;
	}

	private static void waitFor(Supplier<Integer> count, int atLeast, String what) {
		eventually(() -> count.get() >= atLeast, what);
	}

	private List<String> row(long surveyId) {
		SurveyResults results = this.surveys.results(surveyId, "es");
		assertThat(results.rows()).hasSize(1);
		return results.rows().getFirst();
	}

	@Test
	void overWhatsAppShortChoicesAreButtonsUpToTenAListAndMoreNumberedText() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		// the person wrote first: the 24-hour window is open
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "text", "text", Map.of("body", "hola")));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), 1, "the bot answers");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the bot's replies are sent");
		int before = this.graph.sent(wa.phoneNumberId()).size();
		long surveyId = importAndInvite(wa.line(), "+" + from);

		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 2, "the introduction and the first question");
		JsonNode buttons = this.graph.sent(wa.phoneNumberId()).get(before + 1);
		assertThat(buttons.path("type").asString()).isEqualTo("interactive");
		assertThat(buttons.path("interactive").path("type").asString()).isEqualTo("button");
		assertThat(buttons.path("interactive").path("action").path("buttons")).extracting(b -> b.path("reply").path("title").asString())
			.containsExactly("Sí", "No");

		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from,
				Map.of("type", "interactive", "interactive", Map.of("type", "button_reply", "button_reply", Map.of("id", "yes", "title", "Sí"))));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 3, "the region question");
		JsonNode list = this.graph.sent(wa.phoneNumberId()).get(before + 2);
		assertThat(list.path("interactive").path("type").asString()).isEqualTo("list");
		assertThat(list.path("interactive").path("action").path("sections").get(0).path("rows")).hasSize(5);

		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "interactive", "interactive",
				Map.of("type", "list_reply", "list_reply", Map.of("id", "r3", "title", "Región 3"))));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 4, "the district question");
		JsonNode numbered = this.graph.sent(wa.phoneNumberId()).get(before + 3);
		assertThat(numbered.path("type").asString()).isEqualTo("text");
		assertThat(numbered.path("text").path("body").asString()).contains("1. Distrito 1").contains("12. Distrito 12");

		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "text", "text", Map.of("body", "12")));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 5, "the needs question");
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "text", "text", Map.of("body", "1 3")));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 6, "the thanks");

		assertThat(row(surveyId).subList(2, 6)).containsExactly("yes", "r3", "d12", "a c");
	}

	@Test
	void overWhatsAppAReminderOutsideTheWindowIsNotSentAndTheSurveyTimesOut() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "text", "text", Map.of("body", "hola")));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), 1, "the bot answers");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the bot's replies are sent");
		long surveyId = importAndInvite(wa.line(), "+" + from);
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), 3, "the introduction and the first question");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the survey's messages are sent");
		int sent = this.graph.sent(wa.phoneNumberId()).size();
		// the team answered and closed the conversation the bot handed over; the person last wrote 30 hours ago
		this.jdbc.sql("select id from conversation_conversation where line_id = ? and state <> 'CLOSED'").param(wa.line().id())
			.query(Long.class).list().forEach(id -> this.closing.close(id, null, "DONE"));
		this.jdbc.sql("update channel_inbound_message set received_at = received_at - interval '30 hours' where line_id = ?")
			.param(wa.line().id()).update();
		Instant now = Instant.now();
		this.reminders.remindAndExpire(now.plus(Duration.ofHours(21)));
		this.reminders.remindAndExpire(now.plus(Duration.ofHours(21 + 49)));
		assertThat(this.jdbc.sql("select status from survey_session where survey_id = ?").param(surveyId).query(String.class).single())
			.isEqualTo("TIMED_OUT");
		assertThat(this.graph.sent(wa.phoneNumberId())).hasSize(sent);
		assertThat(this.jdbc.sql("select reminders_sent from survey_session where survey_id = ?").param(surveyId).query(Integer.class)
			.single()).as("the reminder was due, and not sent").isEqualTo(1);
	}

	@Test
	void overWhatsAppSomebodyOutsideTheWindowIsSkippedNotSentAFreeFormQuestion() {
		WhatsAppLine wa = whatsAppLine();
		long userId = this.users.create(unique("coordinator"), "Coordinator", "a-long-test-password");
		this.users.grant(userId, wa.line().organisationId(), Role.COORDINATOR);
		signIn(this.users.findById(userId).orElseThrow());
		long surveyId = this.surveys.importForm(wa.line().key(), form());
		Invited invited = this.surveys.invite(surveyId, new Invitation(List.of("+" + randomDigits()), null, null, null));
		assertThat(invited.invited()).isZero();
		assertThat(invited.skipped()).containsEntry("windowClosed", 1);
		assertThat(this.graph.sent(wa.phoneNumberId())).isEmpty();
	}

	@Test
	void overWhatsAppSomebodyOutsideTheWindowIsInvitedWithTheApprovedTemplateAndTheSurveyBeginsWhenTheyReply() {
		WhatsAppLine wa = whatsAppLine();
		this.jdbc.sql("insert into channel_template (line_id, name, language, body) values (?, 'encuesta', 'es', ?)")
			.params(wa.line().id(), "Tenemos una encuesta corta de {{1}}. Responde OK para empezar.").update();
		String inside = randomDigits();
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), inside, Map.of("type", "text", "text", Map.of("body", "hola")));
		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), 1, "the bot answers");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the bot's replies are sent");
		int before = this.graph.sent(wa.phoneNumberId()).size();
		String outside = randomDigits();

		long userId = this.users.create(unique("coordinator"), "Coordinator", "a-long-test-password");
		this.users.grant(userId, wa.line().organisationId(), Role.COORDINATOR);
		signIn(this.users.findById(userId).orElseThrow());
		long surveyId = this.surveys.importForm(wa.line().key(), form());
		Invited invited = this.surveys.invite(surveyId, new Invitation(List.of("+" + outside, "+" + inside), null, null, null,
				new Invitation.TemplateRef("encuesta", "es", List.of("la oficina"))));
		assertThat(invited.invited()).as(invited.toString()).isEqualTo(2);

		waitFor(() -> this.graph.sent(wa.phoneNumberId()).size(), before + 3, "the template outside, the survey inside");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the invitations are sent");
		List<JsonNode> sent = this.graph.sent(wa.phoneNumberId()).subList(before, this.graph.sent(wa.phoneNumberId()).size());
		List<JsonNode> toOutside = sent.stream().filter(n -> n.path("to").asString().equals(outside)).toList();
		assertThat(toOutside).as("only the approved template goes outside the window").hasSize(1);
		assertThat(toOutside.getFirst().path("type").asString()).isEqualTo("template");
		assertThat(toOutside.getFirst().path("template").path("name").asString()).isEqualTo("encuesta");
		assertThat(sent.stream().filter(n -> n.path("to").asString().equals(inside)).map(n -> n.path("type").asString()))
			.as("inside the window, free text and buttons").containsExactly("text", "interactive");

		int waiting = this.graph.sent(wa.phoneNumberId()).size();
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), outside, Map.of("type", "text", "text", Map.of("body", "OK")));
		waitFor(() -> (int) this.graph.sent(wa.phoneNumberId()).stream().filter(n -> n.path("to").asString().equals(outside)).count(), 3,
				"the introduction and the first question after the reply");
		List<JsonNode> afterReply = this.graph.sent(wa.phoneNumberId()).subList(waiting, this.graph.sent(wa.phoneNumberId()).size())
			.stream().filter(n -> n.path("to").asString().equals(outside)).toList();
		assertThat(afterReply.get(0).path("text").path("body").asString()).contains("channels");
		assertThat(afterReply.get(1).path("interactive").path("type").asString()).isEqualTo("button");
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), outside,
				Map.of("type", "interactive", "interactive", Map.of("type", "button_reply", "button_reply", Map.of("id", "yes", "title", "Sí"))));
		eventually(() -> "region".equals(this.jdbc.sql("""
				select s.current_question from survey_session s join contact_contact c on c.id = s.contact_id
				where s.survey_id = ? and s.waiting_reply = false and s.status = 'ACTIVE' and s.current_question = 'region' limit 1
				""").param(surveyId).query(String.class).optional().orElse(null)), "the first answer counts");
	}

	@Test
	void overSmsEveryChoiceIsANumberedOption() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String phone = "+" + randomDigits();
		long surveyId = importAndInvite(sms.line(), phone);
		waitFor(() -> this.twilio.sent(sms.accountSid()).size(), 2, "the introduction and the first question");
		assertThat(this.twilio.sent(sms.accountSid()).get(1).get("Body")).contains("¿Aceptas responder?").contains("1. Sí")
			.contains("2. No");
		String[] answers = { "1", "3", "12", "1,3" };
		for (int i = 0; i < answers.length; i++) {
			this.twilio.callback(sms.account(), "http://localhost:8080/webhooks/twilio/" + sms.line().key(),
					Map.of("MessageSid", "SM" + unique("in").replace("-", ""), "AccountSid", sms.accountSid(), "From", phone, "To",
							"+51100000000", "Body", answers[i], "NumMedia", "0"));
			waitFor(() -> this.twilio.sent(sms.accountSid()).size(), 3 + i, "the answer to " + (i + 1));
		}
		assertThat(this.twilio.sent(sms.accountSid()).get(2).get("Body")).contains("5. Región 5");
		assertThat(this.twilio.sent(sms.accountSid()).getLast().get("Body")).contains("Gracias por responder");
		assertThat(row(surveyId).subList(2, 6)).containsExactly("yes", "r3", "d12", "a c");
	}

}
