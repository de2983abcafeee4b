package org.linea.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.web.ApiClient;
import org.linea.web.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's CRM receives signed events, retried while it is down, without a word people wrote. */
class OutgoingWebhooksIntegrationTests extends ApiIntegrationTest {

	private HttpServer receiver;

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private volatile IntSupplier answer = () -> 200;

	record Received(String event, String delivery, String signature, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/events", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Linea-Event"),
					exchange.getRequestHeaders().getFirst("X-Linea-Delivery"), exchange.getRequestHeaders().getFirst("X-Linea-Signature"), body));
			exchange.sendResponseHeaders(this.answer.getAsInt(), -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aClosedAndCodedInteractionReachesTheReceiverSignedAndWithoutThePersonsWords() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		ApiClient admin = api(newUser(organisation, Role.ADMIN));
		JsonNode created = read(admin.postJson("/api/organisations/" + organisation.id() + "/webhooks", """
				{"url": "%s", "events": ["message.received", "conversation.closed", "feedback.coded"]}
				""".formatted(receiverUrl())), 201);
		String secret = created.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(admin.get("/api/organisations/" + organisation.id() + "/webhooks").body()).doesNotContain(secret);

		String phone = randomPhone();
		long conversation = answeredAndClosed(line, phone, newUser(organisation, Role.OPERATOR),
				new Coding(List.of("pagos"), List.of(), FeedbackType.QUESTION));

		eventually(() -> types().containsAll(List.of("message.received", "conversation.closed", "feedback.coded")), "the three events arrive");
		for (Received event : this.received) {
			String[] parts = event.signature().split(",");
			long timestamp = Long.parseLong(parts[0].substring(2));
			assertThat(parts[1]).isEqualTo("v1=" + WebhookDeliveries.sign(secret, timestamp, event.body()));
			assertThat(event.body()).doesNotContain("bono").doesNotContain(phone.substring(1)).contains(line.key());
			assertThat(this.json.readTree(event.body()).get("id").asString()).isEqualTo(event.delivery());
		}
		JsonNode coded = this.json.readTree(byType("feedback.coded").body()).get("data");
		assertThat(coded.get("conversationId").asLong()).isEqualTo(conversation);
		assertThat(coded.get("feedbackType").asString()).isEqualTo("QUESTION");
		assertThat(coded.get("topics").get(0).asString()).isEqualTo("pagos");
		assertThat(this.json.readTree(byType("conversation.closed").body()).get("data").get("contactCode").asString()).matches("\\d{2}PE\\d{4}");
	}

	@Test
	void aReceiverThatIsDownGetsTheSameEventAgainUntilItAnswersAndAClientErrorEndsIt() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		ApiClient admin = api(newUser(organisation, Role.ADMIN));
		long webhook = read(admin.postJson("/api/organisations/" + organisation.id() + "/webhooks", """
				{"url": "%s", "events": ["message.received"]}
				""".formatted(receiverUrl())), 201).get("id").asLong();
		AtomicInteger calls = new AtomicInteger();
		this.answer = () -> calls.incrementAndGet() <= 2 ? 503 : 204;

		answer(line, randomPhone(), "hola");
		eventually(() -> calls.get() >= 3, "tried until the receiver answers");
		assertThat(this.received).extracting(Received::delivery).hasSize(3).containsOnly(this.received.peek().delivery());
		eventually(() -> "DELIVERED".equals(deliveries(admin, organisation, webhook).get(0).get("status").asString()), "marked delivered");
		assertThat(deliveries(admin, organisation, webhook).get(0).get("attempts").asInt()).isEqualTo(3);

		this.answer = () -> 400;
		answer(line, randomPhone(), "buenas");
		eventually(() -> deliveries(admin, organisation, webhook).size() == 2
				&& "FAILED".equals(deliveries(admin, organisation, webhook).get(0).get("status").asString()), "a refusal is not retried");
		assertThat(deliveries(admin, organisation, webhook).get(0).get("attempts").asInt()).isEqualTo(1);
		assertThat(deliveries(admin, organisation, webhook).get(0).get("lastStatus").asInt()).isEqualTo(400);
	}

	@Test
	void anEventNoWebhookWantsIsNeitherRecordedNorQueued() {
		Line unsubscribed = newLine(newOrganisation());
		Organisation organisation = newOrganisation();
		Line subscribed = newLine(organisation);
		ApiClient admin = api(newUser(organisation, Role.ADMIN));
		long webhook = read(admin.postJson("/api/organisations/" + organisation.id() + "/webhooks", """
				{"url": "%s", "events": ["message.received"]}
				""".formatted(receiverUrl())), 201).get("id").asLong();
		// the registry deletes a row once its reaction has run: a trigger keeps a copy of what was recorded
		this.jdbc.sql("create table test_recorded_publication (listener_id text, serialized_event text)").update();
		this.jdbc.sql("""
				create function test_record_publication() returns trigger language plpgsql as $$
				begin
				  insert into test_recorded_publication values (new.listener_id, new.serialized_event);
				  return new;
				end $$
				""").update();
		this.jdbc.sql("""
				create trigger test_record_publication after insert on event_publication
				for each row execute function test_record_publication()
				""").update();
		try {
			answer(unsubscribed, randomPhone(), "hola");
			answer(subscribed, randomPhone(), "hola");

			eventually(() -> types().contains("message.received"), "the subscribed organisation's event arrives");
			eventually(() -> this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'IN'")
				.param(unsubscribed.id()).query(Integer.class).single() > 0, "the other line's message is in");
			assertThat(recordedWebhookReactions(unsubscribed)).as("nothing recorded for an organisation without a webhook").isEmpty();
			assertThat(recordedWebhookReactions(subscribed)).as("only the event its webhook wants")
				.containsExactly("org.linea.integration.WebhookEvents.on(org.linea.conversation.MessageReceived)");
			assertThat(deliveries(admin, organisation, webhook)).hasSize(1);
			assertThat(this.jdbc.sql("""
					select count(*) from integration_delivery d join integration_webhook w on w.id = d.webhook_id
					where w.organisation_id = ?
					""").param(unsubscribed.organisationId()).query(Integer.class).single()).isZero();
		}
		finally {
			this.jdbc.sql("drop trigger test_record_publication on event_publication").update();
			this.jdbc.sql("drop function test_record_publication()").update();
			this.jdbc.sql("drop table test_recorded_publication").update();
		}
	}

	private List<String> recordedWebhookReactions(Line line) {
		return this.jdbc.sql("""
				select listener_id from test_recorded_publication
				where listener_id like 'org.linea.integration.WebhookEvents.%' and serialized_event ~ ?
				""").param("\"lineId\":" + line.id() + "[,}]").query(String.class).list();
	}

	@Test
	void onlyHttpsAddressesOutsideTheInstallationsNetworkAndOnlyForTheOrganisationsAdministrators() {
		Organisation organisation = newOrganisation();
		ApiClient admin = api(newUser(organisation, Role.ADMIN));
		String path = "/api/organisations/" + organisation.id() + "/webhooks";
		for (String refused : List.of("http://example.org/events", "https://10.1.2.3/events", "https://169.254.169.254/latest",
				"https://[::1]/x", "ftp://example.org", "https://user:pw@example.org/")) {
			assertThat(admin.postJson(path, "{\"url\": \"" + refused + "\", \"events\": [\"conversation.closed\"]}").statusCode())
				.as(refused).isEqualTo(400);
		}
		assertThat(admin.postJson(path, "{\"url\": \"" + receiverUrl() + "\", \"events\": [\"everything\"]}").statusCode()).isEqualTo(400);
		assertThat(api(newUser(organisation, Role.COORDINATOR)).get(path).statusCode()).isEqualTo(403);
		assertThat(api(newUser(newOrganisation(), Role.ADMIN)).get(path).statusCode()).isEqualTo(404);
	}

	private List<String> types() {
		return this.received.stream().map(Received::event).toList();
	}

	private Received byType(String type) {
		return this.received.stream().filter(r -> type.equals(r.event())).findFirst().orElseThrow();
	}

	private List<JsonNode> deliveries(ApiClient admin, Organisation organisation, long webhook) {
		JsonNode list = read(admin.get("/api/organisations/" + organisation.id() + "/webhooks/" + webhook + "/deliveries"), 200);
		List<JsonNode> rows = new java.util.ArrayList<>();
		list.forEach(rows::add);
		return rows;
	}

	private String receiverUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/events";
	}

	private ApiClient api(LineaUser user) {
		return api(user, "crm");
	}

}
