package org.linea.survey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.access.ChannelType;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.inbox.Closing;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closing questions run on the survey engine: over the fake WhatsApp Cloud API the satisfaction
 * question is a list and yes/no a pair of reply buttons, over Twilio SMS numbered options, and what
 * the person taps or writes lands where it always did (satisfaction on the flow, consent in the ledger).
 */
class ClosingOverChannelsIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	Closing closing;

	private void closeEverything(long lineId) {
		this.jdbc.sql("select id from conversation_conversation where line_id = ? and state <> 'CLOSED'").param(lineId)
			.query(Long.class).list().forEach(id -> this.closing.close(id, null, "DONE"));
	}

	private List<String> consents(long lineId) {
		return this.jdbc.sql("""
				select e.purpose || ':' || e.event from contact_consent_event e join contact_contact c on c.id = e.contact_id
				where c.line_id = ? and e.event <> 'ASKED' order by e.id""").param(lineId).query(String.class).list();
	}

	@Test
	void overWhatsAppSatisfactionIsAListAndConsentReplyButtons() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "text", "text", Map.of("body", "hola")));
		eventually(() -> !this.graph.sent(wa.phoneNumberId()).isEmpty(), "the bot answers");
		eventually(() -> outgoingStatuses(wa.line()).stream().noneMatch("QUEUED"::equals), "the bot's replies are sent");
		int before = this.graph.sent(wa.phoneNumberId()).size();

		closeEverything(wa.line().id());
		eventually(() -> this.graph.sent(wa.phoneNumberId()).size() > before, "the satisfaction question");
		JsonNode satisfaction = this.graph.sent(wa.phoneNumberId()).get(before);
		assertThat(satisfaction.path("type").asString()).isEqualTo("interactive");
		assertThat(satisfaction.path("interactive").path("type").asString()).isEqualTo("list");
		assertThat(satisfaction.path("interactive").path("body").path("text").asString()).contains("del 1 (nada) al 5 (mucho)");
		assertThat(satisfaction.path("interactive").path("action").path("sections").get(0).path("rows"))
			.extracting(row -> row.path("title").asString())
			.containsExactly("Nada", "Poco", "Regular", "Bien", "Mucho");

		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "interactive", "interactive",
				Map.of("type", "list_reply", "list_reply", Map.of("id", "5", "title", "Mucho"))));
		eventually(() -> this.graph.sent(wa.phoneNumberId()).size() > before + 1, "the consent question");
		JsonNode consent = this.graph.sent(wa.phoneNumberId()).get(before + 1);
		assertThat(consent.path("interactive").path("type").asString()).isEqualTo("button");
		assertThat(consent.path("interactive").path("body").path("text").asString()).contains("guardar algunos datos");
		assertThat(consent.path("interactive").path("action").path("buttons")).extracting(b -> b.path("reply").path("title").asString())
			.containsExactly("Sí", "No");

		// no: the demographic questions are not relevant, the next is the broadcasts' consent
		this.graph.personWrites(wa.number(), wa.phoneNumberId(), from, Map.of("type", "interactive", "interactive",
				Map.of("type", "button_reply", "button_reply", Map.of("id", "NO", "title", "No"))));
		eventually(() -> this.graph.sent(wa.phoneNumberId()).size() > before + 2, "the broadcasts question");
		JsonNode broadcasts = this.graph.sent(wa.phoneNumberId()).get(before + 2);
		assertThat(broadcasts.path("interactive").path("body").path("text").asString()).contains("mensajes informativos");

		assertThat(this.jdbc.sql("select satisfaction from bot_closing_flow where line_id = ?").param(wa.line().id())
			.query(Integer.class).single()).isEqualTo(5);
		assertThat(consents(wa.line().id())).containsExactly("DEMOGRAPHICS:REFUSED");
		assertThat(count("select count(*) from conversation_conversation where line_id = ?", wa.line().id()))
			.as("the answers stay in the closed conversation").isEqualTo(1);
	}

	@Test
	void overSmsTheClosingQuestionsAreNumberedOptions() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String phone = "+" + randomDigits();
		writeSms(sms, phone, "hola, una consulta");
		eventually(() -> !this.twilio.sent(sms.accountSid()).isEmpty(), "the bot answers");
		eventually(() -> outgoingStatuses(sms.line()).stream().noneMatch("QUEUED"::equals), "the bot's replies are sent");
		int before = this.twilio.sent(sms.accountSid()).size();

		closeEverything(sms.line().id());
		eventually(() -> this.twilio.sent(sms.accountSid()).size() > before, "the satisfaction question");
		assertThat(this.twilio.sent(sms.accountSid()).get(before).get("Body")).contains("del 1 (nada) al 5 (mucho)").contains("1. Nada")
			.contains("5. Mucho");
		writeSms(sms, phone, "4");
		eventually(() -> this.twilio.sent(sms.accountSid()).size() > before + 1, "the consent question");
		assertThat(this.twilio.sent(sms.accountSid()).get(before + 1).get("Body")).contains("guardar algunos datos").contains("1. Sí")
			.contains("2. No");
		writeSms(sms, phone, "1");
		eventually(() -> this.twilio.sent(sms.accountSid()).size() > before + 2, "the gender question");
		assertThat(this.twilio.sent(sms.accountSid()).get(before + 2).get("Body")).contains("género").contains("4. Prefiero no decir");

		assertThat(this.jdbc.sql("select satisfaction from bot_closing_flow where line_id = ?").param(sms.line().id())
			.query(Integer.class).single()).isEqualTo(4);
		assertThat(consents(sms.line().id())).containsExactly("DEMOGRAPHICS:GIVEN");
	}

	private void writeSms(TwilioLine sms, String phone, String body) {
		this.twilio.callback(sms.account(), "http://localhost:8080/webhooks/twilio/" + sms.line().key(),
				Map.of("MessageSid", "SM" + unique("in").replace("-", ""), "AccountSid", sms.accountSid(), "From", phone, "To",
						"+51100000000", "Body", body, "NumMedia", "0"));
	}

}
