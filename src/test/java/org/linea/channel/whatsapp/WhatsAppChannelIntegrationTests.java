package org.linea.channel.whatsapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.channel.FakeProvider;
import org.linea.channel.FakeProvider.Answer;
import org.linea.channel.Fixtures;
import org.linea.channel.MessageTemplate;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SenderKind;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The real application against the fake Graph API: webhooks in, replies out, statuses back. */
class WhatsAppChannelIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ConversationService conversations;

	@Autowired
	private org.linea.contact.ContactService contacts;

	@Test
	void answersTheSubscriptionHandshakeOnlyWithTheVerifyToken() {
		WhatsAppLine wa = whatsAppLine();
		String path = "/webhooks/whatsapp/" + wa.line().key();

		var ok = get(path + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + enc(wa.verifyToken()));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1158201444");
		assertThat(get(path + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong").statusCode()).isEqualTo(403);
		assertThat(get(path + "?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + enc(wa.verifyToken())).statusCode()).isEqualTo(403);
		assertThat(get("/webhooks/whatsapp/no-such-line?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x").statusCode()).isEqualTo(404);
	}

	@Test
	void aTextGetsItsRepliesAtTheProviderAndTheirStatusesEndInRead() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();

		assertThat(send(wa, "text", from, "wamid.in-" + UUID.randomUUID()).statusCode()).isEqualTo(200);

		eventually(() -> !this.graph.sent(wa.phoneNumberId()).isEmpty(), "the reply reaches the Graph API");
		JsonNode reply = this.graph.sent(wa.phoneNumberId()).getFirst();
		assertThat(this.graph.received(wa.phoneNumberId()).getFirst().authorization()).isEqualTo("Bearer " + wa.token());
		assertThat(reply.path("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(reply.path("to").asString()).isEqualTo(from);
		assertThat(reply.path("type").asString()).isEqualTo("text");
		assertThat(reply.path("text").path("body").asString()).isNotBlank();
		assertThat(reply.path("biz_opaque_callback_data").asString()).startsWith("linea-");
		eventually(() -> !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals),
				"the replies are marked sent");

		String wamid = providerIds(wa).getFirst();
		// read arrives before delivered, and Meta repeats itself: the message ends read
		this.graph.report(wa.number(), wa.phoneNumberId(), wamid, null, from, "read", null);
		this.graph.report(wa.number(), wa.phoneNumberId(), wamid, null, from, "delivered", null);
		this.graph.report(wa.number(), wa.phoneNumberId(), wamid, null, from, "read", null);
		assertThat(outgoingStatuses(wa.line()).getFirst()).isEqualTo("READ");
		assertThat(count("select count(*) from channel_delivery_report where line_id = ? and provider_message_id = ?", wa.line().id(),
				wamid)).isEqualTo(2);
	}

	@Test
	void aPersonKnownOnlyByTheirBusinessScopedIdIsAnsweredByItAndKeepsOneCodeWhenMetaShowsTheirNumber() {
		WhatsAppLine wa = whatsAppLine();
		String number = randomDigits();
		String bsuid = "PE." + randomDigits() + randomDigits();

		assertThat(signedPost(wa, bodyWithUserId(wa, "text-bsuid-only", number, bsuid)).statusCode()).isEqualTo(200);
		eventually(() -> !this.graph.sent(wa.phoneNumberId()).isEmpty(), "the reply reaches the Graph API");
		JsonNode first = this.graph.sent(wa.phoneNumberId()).getFirst();
		assertThat(first.has("to")).as("no number to send to").isFalse();
		assertThat(first.path("recipient").asString()).isEqualTo(bsuid);
		List<String> codes = contactCodes(wa);
		assertThat(codes).hasSize(1);
		Conversation conversation = this.conversations.find(this.jdbc.sql("select id from conversation_conversation where line_id = ?")
			.param(wa.line().id()).query(Long.class).single()).orElseThrow();
		assertThat(this.contacts.get(conversation.contactId()).maskedPhone()).startsWith("PE.").doesNotContain(bsuid.substring(3, 12));

		// the person's number appears beside the BSUID (Meta's contact book): still one person, one code
		assertThat(signedPost(wa, bodyWithUserId(wa, "text-bsuid-and-number", number, bsuid)).statusCode()).isEqualTo(200);
		eventually(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is null", wa.line().id()) == 0
				&& count("select count(*) from channel_inbound_message where line_id = ?", wa.line().id()) == 2, "both messages processed");
		assertThat(contactCodes(wa)).isEqualTo(codes);
		int before = this.graph.sent(wa.phoneNumberId()).size();
		this.conversations.send(this.conversations.find(conversation.id()).orElseThrow(), SenderKind.OPERATOR, null, "le escribe Ana");
		eventually(() -> this.graph.sent(wa.phoneNumberId()).size() > before, "the operator's answer is sent");
		JsonNode answer = this.graph.sent(wa.phoneNumberId()).getLast();
		assertThat(answer.path("to").asString()).as("the number, as Meta recommends once known").isEqualTo(number);
		assertThat(answer.has("recipient")).isFalse();

		// the number withheld again: found by the BSUID seen before
		assertThat(signedPost(wa, bodyWithUserId(wa, "text-bsuid-only", number, bsuid)).statusCode()).isEqualTo(200);
		eventually(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is not null", wa.line().id()) == 3,
				"the third message processed");
		assertThat(contactCodes(wa)).isEqualTo(codes);
	}

	private List<String> contactCodes(WhatsAppLine wa) {
		return this.jdbc.sql("select code from contact_contact where line_id = ? order by id").param(wa.line().id()).query(String.class).list();
	}

	private static byte[] bodyWithUserId(WhatsAppLine wa, String fixture, String from, String bsuid) {
		return Fixtures.load("whatsapp/" + fixture + ".json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", from, "ID",
				"wamid.in-" + UUID.randomUUID(), "BSUID", bsuid))
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aFailedStatusKeepsTheProvidersErrorCode() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		send(wa, "text", from, "wamid.in-" + UUID.randomUUID());
		eventually(() -> providerIds(wa).size() == outgoingStatuses(wa.line()).size() && !providerIds(wa).isEmpty(), "replies sent");

		this.graph.report(wa.number(), wa.phoneNumberId(), providerIds(wa).getFirst(), null, from, "failed", 131026);

		assertThat(this.jdbc.sql("select status || ':' || error_code from conversation_message where line_id = ? and direction = 'OUT' order by id limit 1")
			.param(wa.line().id()).query(String.class).single()).isEqualTo("FAILED:131026");
	}

	@Test
	void aRedeliveredMessageIsStoredAndAnsweredOnce() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		String id = "wamid.in-" + UUID.randomUUID();

		for (int i = 0; i < 5; i++) {
			assertThat(send(wa, "text", from, id).statusCode()).isEqualTo(200);
		}

		eventually(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is null", wa.line().id()) == 0
				&& count("select count(*) from channel_outbox where line_id = ?", wa.line().id()) > 0
				&& count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"the message is processed and its replies sent");
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", wa.line().id())).isEqualTo(1);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'DUPLICATE'", wa.line().id())).isEqualTo(4);
		assertThat(count("select count(*) from conversation_conversation where line_id = ?", wa.line().id())).isEqualTo(1);
		assertThat(count("select count(*) from conversation_message where line_id = ? and direction = 'IN'", wa.line().id())).isEqualTo(1);
		List<JsonNode> sent = this.graph.sent(wa.phoneNumberId());
		assertThat(sent).extracting(json -> json.path("to").asString()).containsOnly(from);
		assertThat(sent).extracting(json -> json.path("text").path("body").asString()).filteredOn(body -> body.startsWith("¡Hola!"))
			.as("one greeting").hasSize(1);
		assertThat(sendsPerReference(wa)).hasSize(outgoingStatuses(wa.line()).size())
			.allSatisfy((reference, times) -> assertThat(times).as(reference).isEqualTo(1));
	}

	@Test
	void refusesBadSignaturesMalformedBodiesAndUnknownLinesWithoutStoringAnything() {
		WhatsAppLine wa = whatsAppLine();
		String path = "/webhooks/whatsapp/" + wa.line().key();
		byte[] body = body(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());
		double before = this.meters.counter("linea.channel.webhook.rejected", "channel", "WHATSAPP_CLOUD", "reason", "signature").count();

		var forged = post(path, "application/json", body, Map.of("X-Hub-Signature-256", WhatsAppSignature.sign("wrong-secret", body)));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(forged.body()).contains("\"status\":403", "\"detail\":\"Invalid signature\"", "\"instance\":\"" + path + "\"");
		assertThat(forged.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
		assertThat(post(path, "application/json", body, Map.of()).statusCode()).isEqualTo(403);
		// the acknowledgement latency, by route, as the dashboard reads it
		assertThat(this.meters.find("http.server.requests").tags("uri", "/webhooks/whatsapp/{lineKey}", "status", "403").timer())
			.isNotNull();
		assertThat(this.meters.counter("linea.channel.webhook.rejected", "channel", "WHATSAPP_CLOUD", "reason", "signature").count())
			.isEqualTo(before + 2);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ?", wa.line().id())).isZero();

		for (String fixture : List.of("not-json", "missing-id", "wrong-object")) {
			byte[] bad = body(wa, fixture, randomDigits(), "wamid.x");
			var response = post(path, "application/json", bad, Map.of("X-Hub-Signature-256", WhatsAppSignature.sign(wa.appSecret(), bad)));
			assertThat(response.statusCode()).as(fixture).isEqualTo(400);
		}
		byte[] huge = ("{\"object\":\"whatsapp_business_account\",\"entry\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(post(path, "application/json", huge, Map.of("X-Hub-Signature-256", WhatsAppSignature.sign(wa.appSecret(), huge)))
			.statusCode()).isEqualTo(413);
		assertThat(post("/webhooks/whatsapp/no-such-line", "application/json", body, Map.of()).statusCode()).isEqualTo(404);

		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", wa.line().id())).isZero();
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome <> 'REJECTED'", wa.line().id())).isZero();
	}

	@Test
	void mediaIsDownloadedWithTheLinesTokenAndStoredEncrypted() {
		WhatsAppLine wa = whatsAppLine();
		String mediaId = String.valueOf(System.nanoTime());
		byte[] voice = "OggS fake voice note".getBytes(StandardCharsets.UTF_8);
		this.graph.addMedia(mediaId, wa.token(), "audio/ogg", voice);

		byte[] body = Fixtures.load("whatsapp/audio-voice.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", randomDigits(),
				"ID", "wamid.in-" + UUID.randomUUID(), "MEDIA_ID", mediaId)).getBytes(StandardCharsets.UTF_8);
		assertThat(signedPost(wa, body).statusCode()).isEqualTo(200);

		eventually(() -> count("select count(*) from channel_media where line_id = ? and status = 'STORED'", wa.line().id()) == 1,
				"the voice note is stored");
		assertThat(this.jdbc.sql("select size_bytes from channel_media where line_id = ?").param(wa.line().id()).query(Long.class).single())
			.isEqualTo(voice.length);
		assertThat(this.jdbc.sql("select position(? in data_encrypted) from channel_media where line_id = ?")
			.params("fake voice".getBytes(StandardCharsets.UTF_8), wa.line().id()).query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select media_ref from channel_inbound_message where line_id = ?").param(wa.line().id())
			.query(String.class).single()).startsWith("media:");
	}

	@Test
	void statusesThatArriveBeforeTheSendReturnedAreNotLost() {
		WhatsAppLine wa = whatsAppLine("sent", "delivered");

		send(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());

		eventually(() -> !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("DELIVERED"::equals),
				"every reply ends delivered");
	}

	@Test
	void backsOffOnRateLimitsAndRetriesServerErrorsWithoutDuplicates() {
		WhatsAppLine wa = whatsAppLine();
		this.graph.script(wa.phoneNumberId(),
				Answer.error(400, "{\"error\":{\"message\":\"(#131056) Pair rate limit hit\",\"code\":131056}}"),
				Answer.error(429, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}"),
				Answer.error(503, "{\"error\":{\"code\":2,\"message\":\"Service temporarily unavailable\"}}", 2));

		send(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());

		eventually(() -> !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals),
				"every reply is sent in the end");
		List<FakeProvider.Request> requests = this.graph.received(wa.phoneNumberId());
		List<String> bodies = this.graph.sent(wa.phoneNumberId()).stream().map(JsonNode::toString).toList();
		// three refused attempts of the first reply, then each reply once
		assertThat(bodies).hasSize(outgoingStatuses(wa.line()).size() + 3);
		assertThat(bodies.subList(0, 4)).as("the same reply four times").containsOnly(bodies.getFirst());
		assertThat(bodies.subList(3, bodies.size())).doesNotHaveDuplicates();
		// the waits' floors: half of 1 s for Meta's pair limit, half of the 100 ms initial backoff for the line's,
		// and the 2 s the server asked for (the backoff formula itself: OutboxBackoffTests)
		assertThat(gap(requests, 0)).as("after the pair rate limit").isGreaterThanOrEqualTo(Duration.ofMillis(500));
		assertThat(gap(requests, 1)).as("after the line's rate limit").isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(gap(requests, 2)).as("after the server error with Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(this.jdbc.sql("select throttled || ':' || attempts from channel_outbox where line_id = ? order by id limit 1")
			.param(wa.line().id()).query(String.class).single()).as("rate limits do not use up attempts").isEqualTo("2:2");
	}

	private static Duration gap(List<FakeProvider.Request> requests, int after) {
		return Duration.ofNanos(requests.get(after + 1).receivedAtNanos() - requests.get(after).receivedAtNanos());
	}

	@Test
	void givesUpAfterTheConfiguredAttemptsAndSaysWhy() {
		WhatsAppLine wa = whatsAppLine();
		for (int i = 0; i < 20; i++) {
			this.graph.script(wa.phoneNumberId(), Answer.error(500, "{\"error\":{\"code\":1,\"message\":\"An unknown error occurred\"}}"));
		}

		send(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());

		eventually(() -> this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'OUT' and status = 'FAILED' and error_code = 'RETRIES_EXHAUSTED'")
			.param(wa.line().id()).query(Long.class).single() > 0, "the reply is given up on");
	}

	@Test
	void aSendConfirmedByItsStatusReportIsNeverSentAgainWhenTheCallThenTimesOut() {
		// Meta under strain: its "sent" webhook (naming the row) arrives, then the call outlives Linea's provider timeout
		WhatsAppLine wa = whatsAppLine("sent");
		this.graph.script(wa.phoneNumberId(), Answer.slow(2500));

		send(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());

		long first = firstOutboxRow(wa);
		eventually(() -> lastError(first) != null, "the call's timeout is recorded on the row");
		assertThat(outboxStatus(first)).as("the row the status report marked sent").isEqualTo("SENT");
		assertThat(lastError(first)).startsWith("TIMEOUT");
		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"every reply is sent");
		assertThat(sendsPerReference(wa)).allSatisfy((reference, times) -> assertThat(times).as(reference).isEqualTo(1));
		assertThat(sendsPerReference(wa)).hasSize(outgoingStatuses(wa.line()).size());
		assertThat(providerId(first)).as("the id the status report named").startsWith("wamid.");
	}

	@Test
	void anAnswerArrivingAfterTheStatusReportIsRecordedWithoutASecondSend() {
		WhatsAppLine wa = whatsAppLine("sent");
		this.graph.script(wa.phoneNumberId(), Answer.slow(400));

		send(wa, "text", randomDigits(), "wamid.in-" + UUID.randomUUID());

		long first = firstOutboxRow(wa);
		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0
				&& !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals),
				"every reply is sent");
		assertThat(lastError(first)).isNull();
		assertThat(sendsPerReference(wa)).allSatisfy((reference, times) -> assertThat(times).as(reference).isEqualTo(1));
		assertThat(count("select count(*) from channel_delivery_report where line_id = ? and provider_message_id = ?", wa.line().id(),
				providerId(first))).as("the report and the answer name the same message").isEqualTo(1);
	}

	@Test
	void aTimedOutSendWhoseStatusReportComesLaterIsNotSentAgain() {
		WhatsAppLine wa = whatsAppLine();
		this.graph.script(wa.phoneNumberId(), Answer.slow(2500));
		String from = randomDigits();

		send(wa, "text", from, "wamid.in-" + UUID.randomUUID());

		long first = firstOutboxRow(wa);
		eventually(() -> "UNCONFIRMED".equals(outboxStatus(first)), "the timed-out send waits for its status report");
		this.graph.report(wa.number(), wa.phoneNumberId(), "wamid.late-" + UUID.randomUUID(), "linea-" + first, from, "delivered", null);
		assertThat(outboxStatus(first)).isEqualTo("SENT");
		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"the person's later replies follow");
		assertThat(sendsPerReference(wa)).allSatisfy((reference, times) -> assertThat(times).as(reference).isEqualTo(1));
		assertThat(outgoingStatuses(wa.line()).getFirst()).isEqualTo("DELIVERED");
	}

	@Test
	void outsideTheWindowOnlyTemplatesGoOut() {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		send(wa, "text", from, "wamid.in-" + UUID.randomUUID());
		eventually(() -> !providerIds(wa).isEmpty() && providerIds(wa).size() == outgoingStatuses(wa.line()).size(), "replies sent");
		int before = this.graph.sent(wa.phoneNumberId()).size();
		this.jdbc.sql("update channel_inbound_message set received_at = now() - interval '25 hours' where line_id = ?")
			.param(wa.line().id()).update();
		Conversation conversation = this.conversations.find(this.jdbc.sql("select id from conversation_conversation where line_id = ?")
			.param(wa.line().id()).query(Long.class).single()).orElseThrow();
		MessageTemplate[] template = new MessageTemplate[1];
		asAdmin(() -> template[0] = this.accounts.addTemplate(wa.line().key(), "seguimiento", "es", "Hola {{1}}, ¿seguimos en contacto?"));

		long late = this.conversations.send(conversation, SenderKind.OPERATOR, null, "¿Sigue ahí?");
		long templated = this.conversations.send(conversation, SenderKind.OPERATOR, null, template[0].with(List.of("Juan")));

		eventually(() -> status(templated).equals("SENT") && status(late).equals("FAILED"), "the template goes, the free text does not");
		assertThat(this.jdbc.sql("select error_code from conversation_message where id = ?").param(late).query(String.class).single())
			.isEqualTo("WINDOW_CLOSED");
		List<JsonNode> sent = this.graph.sent(wa.phoneNumberId());
		assertThat(sent).hasSize(before + 1);
		JsonNode templateJson = sent.getLast().path("template");
		assertThat(sent.getLast().path("type").asString()).isEqualTo("template");
		assertThat(templateJson.path("name").asString()).isEqualTo("seguimiento");
		assertThat(templateJson.path("language").path("code").asString()).isEqualTo("es");
		assertThat(templateJson.path("components").path(0).path("parameters").path(0).path("text").asString()).isEqualTo("Juan");
	}

	private long firstOutboxRow(WhatsAppLine wa) {
		eventually(() -> count("select count(*) from channel_outbox where line_id = ?", wa.line().id()) > 0, "a reply is queued");
		return this.jdbc.sql("select min(id) from channel_outbox where line_id = ?").param(wa.line().id()).query(Long.class).single();
	}

	private String outboxStatus(long outboxId) {
		return this.jdbc.sql("select status from channel_outbox where id = ?").param(outboxId).query(String.class).single();
	}

	private String lastError(long outboxId) {
		return this.jdbc.sql("select last_error from channel_outbox where id = ?").param(outboxId).query(String.class).optional().orElse(null);
	}

	private String providerId(long outboxId) {
		return this.jdbc.sql("select provider_message_id from channel_outbox where id = ?").param(outboxId).query(String.class).single();
	}

	/** How many times the fake received each outbox row (by the reference Linea gives the provider). */
	private Map<String, Long> sendsPerReference(WhatsAppLine wa) {
		return this.graph.sent(wa.phoneNumberId()).stream()
			.collect(Collectors.groupingBy(json -> json.path("biz_opaque_callback_data").asString(), Collectors.counting()));
	}

	private String status(long messageId) {
		return this.jdbc.sql("select status from conversation_message where id = ?").param(messageId).query(String.class).single();
	}

	private List<String> providerIds(WhatsAppLine wa) {
		return this.jdbc.sql("select provider_message_id from channel_outbox where line_id = ? and provider_message_id is not null order by id")
			.param(wa.line().id()).query(String.class).list();
	}

	private java.net.http.HttpResponse<String> send(WhatsAppLine wa, String fixture, String from, String id) {
		return signedPost(wa, body(wa, fixture, from, id));
	}

	private java.net.http.HttpResponse<String> signedPost(WhatsAppLine wa, byte[] body) {
		return post("/webhooks/whatsapp/" + wa.line().key(), "application/json", body,
				Map.of("X-Hub-Signature-256", WhatsAppSignature.sign(wa.appSecret(), body)));
	}

	private static byte[] body(WhatsAppLine wa, String fixture, String from, String id) {
		return Fixtures.load("whatsapp/" + fixture + ".json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", from, "ID", id,
				"MEDIA_ID", "1"))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
