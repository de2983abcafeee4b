package org.linea.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.access.ChannelType;
import org.linea.channel.FakeProvider.Answer;
import org.linea.channel.Fixtures;
import org.linea.channel.MessageTemplate;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SenderKind;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The real application against the fake Twilio API, for SMS and for WhatsApp through Twilio. */
class TwilioChannelIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private ConversationService conversations;

	@Test
	void anSmsGetsItsRepliesAtTwilioWithStatusCallbacksAndSegmentCounts() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String from = randomDigits();

		var response = receive(sms, "sms", from);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<Response>");

		eventually(() -> !this.twilio.sent(sms.accountSid()).isEmpty(), "the reply reaches Twilio");
		Map<String, String> reply = this.twilio.sent(sms.accountSid()).getFirst();
		assertThat(reply).containsEntry("To", "+" + from).containsEntry("From", "+51100000000").containsKey("Body");
		assertThat(reply.get("StatusCallback")).startsWith("http://localhost:8080/webhooks/twilio/" + sms.line().key() + "/status?ref=linea-");
		assertThat(this.jdbc.sql("select count(*) from channel_outbox where line_id = ? and segments >= 1").param(sms.line().id())
			.query(Long.class).single()).isPositive();
		eventually(() -> !outgoingStatuses(sms.line()).isEmpty() && outgoingStatuses(sms.line()).stream().allMatch("SENT"::equals), "sent");

		String messageSid = this.jdbc.sql("select provider_message_id from channel_outbox where line_id = ? order by id limit 1")
			.param(sms.line().id()).query(String.class).single();
		String callback = reply.get("StatusCallback");
		assertThat(this.twilio.callback(sms.account(), callback, Map.of("AccountSid", sms.accountSid(), "MessageSid", messageSid,
				"MessageStatus", "undelivered", "ErrorCode", "30003"))).isEqualTo(200);
		assertThat(this.jdbc.sql("select status || ':' || error_code from conversation_message where line_id = ? and direction = 'OUT' order by id limit 1")
			.param(sms.line().id()).query(String.class).single()).isEqualTo("FAILED:30003");
	}

	@Test
	void whatsAppThroughTwilioUsesPrefixedAddressesAndFetchesMediaWithTheAccount() {
		TwilioLine wa = twilioLine(ChannelType.TWILIO_WHATSAPP, "sent", "delivered");
		String from = randomDigits();
		String mediaUrl = this.twilio.addMedia(wa.accountSid(), "JFIF photo".getBytes(StandardCharsets.UTF_8));

		assertThat(receive(wa, "whatsapp-image", from, Map.of("MEDIA_URL", mediaUrl)).statusCode()).isEqualTo(200);

		eventually(() -> !this.twilio.sent(wa.accountSid()).isEmpty(), "the reply reaches Twilio");
		assertThat(this.twilio.sent(wa.accountSid()).getFirst()).containsEntry("To", "whatsapp:+" + from)
			.containsEntry("From", "whatsapp:+51100000000");
		eventually(() -> !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("DELIVERED"::equals),
				"callbacks that came before the send returned are applied");
		eventually(() -> count("select count(*) from channel_media where line_id = ? and status = 'STORED' and size_bytes = 10",
				wa.line().id()) == 1, "the photo is stored");
	}

	@Test
	void refusesForgedAndMalformedCallsAndIgnoresRedelivery() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String path = "/webhooks/twilio/" + sms.line().key();
		String from = randomDigits();
		Map<String, String> values = Map.of("ID", "SM" + UUID.randomUUID().toString().replace("-", ""), "ACCOUNT", sms.accountSid(),
				"FROM", from);
		String body = Fixtures.load("twilio/sms.form", values);
		Map<String, String> params = FormBody.parse(body.getBytes(StandardCharsets.UTF_8));

		String forged = FakeTwilioApi.signature("not-the-token", "http://localhost:8080" + path, params);
		assertThat(post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
				Map.of("X-Twilio-Signature", forged)).statusCode()).isEqualTo(403);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ?", sms.line().id())).isZero();

		String missing = Fixtures.load("twilio/missing-from.form", values);
		assertThat(signedPost(sms, path, missing).statusCode()).isEqualTo(400);

		for (int i = 0; i < 3; i++) {
			assertThat(signedPost(sms, path, body).statusCode()).isEqualTo(200);
		}
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", sms.line().id())).isEqualTo(1);
	}

	@Test
	void pausesTheLineOnTooManyRequestsAndKeepsItsRate() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		this.twilio.script(sms.accountSid(), Answer.error(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));

		receive(sms, "sms", randomDigits());
		receive(sms, "sms", randomDigits());

		eventually(() -> outgoingStatuses(sms.line()).size() >= 4 && outgoingStatuses(sms.line()).stream().allMatch("SENT"::equals),
				"every reply is sent in the end");
		var requests = this.twilio.received(sms.accountSid());
		assertThat(requests).hasSize(outgoingStatuses(sms.line()).size() + 1);
		// one message a second: a long code's rate. Slots are a second apart at the sender; each send first
		// commits its claim to disk (the database is durable), so arrivals jitter by that commit's time
		for (int i = 2; i < requests.size(); i++) {
			assertThat(requests.get(i).receivedAtNanos() - requests.get(i - 1).receivedAtNanos()).isGreaterThan(750_000_000L);
		}
		long span = requests.getLast().receivedAtNanos() - requests.get(1).receivedAtNanos();
		assertThat(span / (requests.size() - 2)).as("mean spacing").isGreaterThan(900_000_000L);
	}

	@Test
	void aCallWithoutSignatureIsRefusedAndStoresNothing() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String body = Fixtures.load("twilio/sms.form", Map.of("ID", "SM" + UUID.randomUUID().toString().replace("-", ""), "ACCOUNT",
				sms.accountSid(), "FROM", randomDigits()));

		assertThat(post("/webhooks/twilio/" + sms.line().key(), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
				Map.of()).statusCode()).isEqualTo(403);
		assertThat(post("/webhooks/twilio/" + sms.line().key() + "/status?ref=linea-1", "application/x-www-form-urlencoded",
				"AccountSid=x&MessageSid=SM1&MessageStatus=delivered".getBytes(StandardCharsets.UTF_8), Map.of()).statusCode()).isEqualTo(403);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ?", sms.line().id())).isZero();
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", sms.line().id())).isZero();
	}

	@Test
	void aCallSignedWithTheLinesTokenButNamingAnotherAccountIsRefused() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		String otherAccount = "AC" + UUID.randomUUID().toString().replace("-", "");
		String path = "/webhooks/twilio/" + sms.line().key();
		String body = Fixtures.load("twilio/sms.form", Map.of("ID", "SM" + UUID.randomUUID().toString().replace("-", ""), "ACCOUNT",
				otherAccount, "FROM", randomDigits()));

		assertThat(signedPost(sms, path, body).statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", sms.line().id())).isZero();
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome <> 'REJECTED'", sms.line().id())).isZero();
	}

	@Test
	void mediaIsFetchedOnlyFromTheTwilioApiNeverFromAnotherHost() {
		TwilioLine wa = twilioLine(ChannelType.TWILIO_WHATSAPP);
		// the same fake, reached by another name: were the host not checked, the download would succeed
		String elsewhere = this.twilio.addMedia(wa.accountSid(), "JFIF photo".getBytes(StandardCharsets.UTF_8))
			.replace("127.0.0.1", "localhost");

		assertThat(receive(wa, "whatsapp-image", randomDigits(), Map.of("MEDIA_URL", elsewhere)).statusCode()).isEqualTo(200);

		eventually(() -> count("select count(*) from channel_media where line_id = ? and status <> 'PENDING'", wa.line().id()) == 1,
				"the media is dealt with");
		assertThat(this.jdbc.sql("select status || ':' || coalesce(last_error, '') from channel_media where line_id = ?")
			.param(wa.line().id()).query(String.class).single()).startsWith("FAILED:").contains("BAD_MEDIA_URL");
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", wa.line().id()))
			.as("the message itself is kept").isEqualTo(1);
	}

	@Test
	void whatsAppThroughTwilioSendsOnlyTemplatesAfterTheWindowAndSmsHasNoWindow() {
		TwilioLine wa = twilioLine(ChannelType.TWILIO_WHATSAPP);
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		receive(wa, "whatsapp-image", randomDigits(), Map.of("MEDIA_URL", this.twilio.addMedia(wa.accountSid(), new byte[] { 1 })));
		receive(sms, "sms", randomDigits());
		for (TwilioLine line : List.of(wa, sms)) {
			eventually(() -> count("select count(*) from channel_outbox where line_id = ?", line.line().id()) > 0
					&& count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", line.line().id()) == 0,
					"the first replies are sent");
		}
		int waBefore = this.twilio.sent(wa.accountSid()).size();
		int smsBefore = this.twilio.sent(sms.accountSid()).size();
		this.jdbc.sql("update channel_inbound_message set received_at = now() - interval '25 hours' where line_id in (?, ?)")
			.params(wa.line().id(), sms.line().id()).update();
		MessageTemplate[] template = new MessageTemplate[1];
		asAdmin(() -> template[0] = this.accounts.addTemplate(wa.line().key(), "HX" + UUID.randomUUID().toString().replace("-", ""), "es",
				"Hola {{1}}, ¿seguimos en contacto?"));

		long late = this.conversations.send(conversationOf(wa), SenderKind.OPERATOR, null, "¿Sigue ahí?");
		long templated = this.conversations.send(conversationOf(wa), SenderKind.OPERATOR, null, template[0].with(List.of("Juan")));
		long smsLate = this.conversations.send(conversationOf(sms), SenderKind.OPERATOR, null, "¿Sigue ahí por SMS?");

		eventually(() -> status(templated).equals("SENT") && status(late).equals("FAILED") && status(smsLate).equals("SENT"),
				"the template and the SMS go, the free WhatsApp text does not");
		assertThat(this.jdbc.sql("select error_code from conversation_message where id = ?").param(late).query(String.class).single())
			.isEqualTo("WINDOW_CLOSED");
		List<Map<String, String>> waSent = this.twilio.sent(wa.accountSid());
		assertThat(waSent).hasSize(waBefore + 1);
		assertThat(waSent.getLast()).containsEntry("ContentSid", template[0].name()).containsEntry("ContentVariables", "{\"1\":\"Juan\"}")
			.doesNotContainKey("Body");
		assertThat(waSent.getLast().get("To")).startsWith("whatsapp:+");
		List<Map<String, String>> smsSent = this.twilio.sent(sms.accountSid());
		assertThat(smsSent).hasSize(smsBefore + 1);
		assertThat(smsSent.getLast()).containsEntry("Body", "¿Sigue ahí por SMS?");
	}

	private Conversation conversationOf(TwilioLine line) {
		return this.conversations.find(this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?")
			.param(line.line().id()).query(Long.class).single()).orElseThrow();
	}

	private String status(long messageId) {
		return this.jdbc.sql("select status from conversation_message where id = ?").param(messageId).query(String.class).single();
	}

	private java.net.http.HttpResponse<String> receive(TwilioLine line, String fixture, String from) {
		return receive(line, fixture, from, Map.of());
	}

	private java.net.http.HttpResponse<String> receive(TwilioLine line, String fixture, String from, Map<String, String> extra) {
		Map<String, String> values = new java.util.HashMap<>(Map.of("ID", "SM" + UUID.randomUUID().toString().replace("-", ""),
				"ACCOUNT", line.accountSid(), "FROM", from));
		values.putAll(extra);
		return signedPost(line, "/webhooks/twilio/" + line.line().key(), Fixtures.load("twilio/" + fixture + ".form", values));
	}

	private java.net.http.HttpResponse<String> signedPost(TwilioLine line, String path, String body) {
		Map<String, String> params = FormBody.parse(body.getBytes(StandardCharsets.UTF_8));
		return post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
				Map.of("X-Twilio-Signature", FakeTwilioApi.signature(line.authToken(), "http://localhost:8080" + path, params)));
	}


}
