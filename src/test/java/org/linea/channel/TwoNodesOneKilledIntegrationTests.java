package org.linea.channel;

import org.linea.access.ChannelType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linea.LineaApplication;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Linea nodes, each its own JVM, on one PostgreSQL behind a load balancer that alternates between
 * them; one is killed with {@code kill -9} in the middle of the traffic. Nothing a node acknowledged is
 * lost or stored twice, nothing is sent twice, and the survivor's inbox goes on working.
 * <p>
 * This test's own context only sets things up: it neither processes nor sends, so every message is
 * handled by one of the two nodes.
 */
@TestPropertySource(properties = { "linea.pipeline.enabled=false", "linea.outbox.enabled=false" })
class TwoNodesOneKilledIntegrationTests extends ChannelIntegrationTest {

	private static final int PEOPLE = 6;

	private static final int ROUNDS = 4;

	@TempDir
	Path logs;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JsonMapper json;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void nothingIsLostOrSentTwiceAndTheSurvivorsInboxWorksWhenOneOfTwoNodesIsKilledMidTraffic() throws Exception {
		int portA = freePort();
		int portB = freePort();
		Organisation organisation = newOrganisation();
		Line line = this.lines.create(new LineForm(organisation.id(), unique("two"), "Línea", ChannelType.WHATSAPP_CLOUD, "PE",
				"America/Lima", List.of("es"), "", 30, 30));
		String phoneNumberId = String.valueOf(100_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000_000L));
		String token = "EAAG" + UUID.randomUUID();
		String appSecret = UUID.randomUUID().toString();
		asAdmin(() -> this.accounts.connect(line.key(), Map.of("phoneNumberId", phoneNumberId, "businessAccountId", "102290129340398",
				"accessToken", token, "appSecret", appSecret, "verifyToken", "verify-" + UUID.randomUUID()), 50.0));
		// Meta reports "sent" (echoing the reference) as it takes each message; its status webhooks reach the survivor
		this.graph.register(phoneNumberId, new FakeGraphApi.Number(token, "http://localhost:" + portB + "/webhooks/whatsapp/" + line.key(),
				appSecret, List.of("sent")));
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String apiToken = this.tokens.create(operator.id(), "crm");

		Process nodeA = startNode(portA, "a");
		Process nodeB = startNode(portB, "b");
		try {
			awaitReady(nodeA, portA);
			awaitReady(nodeB, portB);
			List<String> people = new ArrayList<>();
			for (int p = 0; p < PEOPLE; p++) {
				people.add(randomDigits());
			}
			Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
			Set<String> repliesAccepted = ConcurrentHashMap.newKeySet();
			boolean aAlive = true;
			for (int round = 0; round < ROUNDS; round++) {
				if (round == ROUNDS / 2) {
					// kill -9 while the previous round is still being processed and sent
					nodeA.destroyForcibly();
					assertThat(nodeA.waitFor(20, TimeUnit.SECONDS)).isTrue();
					aAlive = false;
				}
				for (int p = 0; p < PEOPLE; p++) {
					String wamid = "wamid.in-" + UUID.randomUUID();
					byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", phoneNumberId, "FROM", people.get(p), "ID",
							wamid)).replace("hola, ¿dónde está el albergue?", "mensaje " + round + " de " + p).getBytes(StandardCharsets.UTF_8);
					int port = aAlive && (p + round) % 2 == 0 ? portA : portB;
					// Meta retries a webhook that was not acknowledged: here, at once on the other node
					int status = webhook(port, line.key(), inbound, FakeGraphApiAccess.sign(appSecret, inbound));
					if (status != 200) {
						status = webhook(portB, line.key(), inbound, FakeGraphApiAccess.sign(appSecret, inbound));
					}
					assertThat(status).as("acknowledged").isEqualTo(200);
					acknowledged.put(wamid, p);
				}
				if (round == 0) {
					within(() -> count("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'",
							line.id()) == PEOPLE, "everyone waits for a person after the bot's answer");
				}
				// the operator answers everyone through the API, on either node
				List<Long> conversations = this.jdbc.sql("select id from conversation_conversation where line_id = ? order by id")
					.param(line.id()).query(Long.class).list();
				for (int i = 0; i < conversations.size(); i++) {
					String text = "respuesta " + round + " a " + i;
					int port = aAlive && i % 2 == 1 ? portA : portB;
					int status = post(port, "/api/conversations/" + conversations.get(i) + "/replies", apiToken, "{\"text\": \"" + text + "\"}");
					if (status == 202) {
						repliesAccepted.add(text);
					}
				}
			}
			assertThat(nodeB.isAlive()).isTrue();

			// every acknowledged message stored exactly once, and processed by the survivor when the dead node had not
			within(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is null", line.id()) == 0,
					"every stored message is processed");
			Map<String, Long> stored = this.jdbc.sql("select provider_message_id from channel_inbound_message where line_id = ?")
				.param(line.id()).query(String.class).list().stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
			assertThat(stored).allSatisfy((wamid, times) -> assertThat(times).as(wamid).isEqualTo(1));
			assertThat(count("select count(*) from conversation_message where line_id = ? and direction = 'IN'", line.id()))
				.isEqualTo(PEOPLE * ROUNDS);

			// every outgoing message sent exactly once: the provider saw each outbox row's reference once
			within(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", line.id()) == 0,
					"every queued message is sent");
			List<String> references = this.jdbc.sql("select 'linea-' || id from channel_outbox where line_id = ?").param(line.id())
				.query(String.class).list();
			Map<String, Long> sent = this.graph.sent(phoneNumberId).stream()
				.map(body -> body.path("biz_opaque_callback_data").asString())
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(references);
			assertThat(sent).allSatisfy((reference, times) -> assertThat(times).as(reference + " sent").isEqualTo(1));
			List<String> bodies = this.graph.sent(phoneNumberId).stream().map(b -> b.path("text").path("body").asString()).toList();
			assertThat(bodies).containsAll(repliesAccepted);
			assertThat(bodies.stream().filter(b -> b.startsWith("respuesta ")).toList()).doesNotHaveDuplicates();
			assertThat(repliesAccepted).as("replies accepted after the kill, all by the survivor").hasSizeGreaterThanOrEqualTo(PEOPLE * ROUNDS / 2);

			// the survivor's inbox: someone new writes and is in the queue the API shows
			String newcomer = randomDigits();
			byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", phoneNumberId, "FROM", newcomer, "ID",
					"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
			assertThat(webhook(portB, line.key(), inbound, FakeGraphApiAccess.sign(appSecret, inbound))).isEqualTo(200);
			within(() -> open(portB, line.key(), apiToken).size() == PEOPLE + 1, "the newcomer is in the survivor's queue");
		}
		finally {
			nodeA.destroyForcibly();
			nodeB.destroy();
			if (!nodeB.waitFor(20, TimeUnit.SECONDS)) {
				nodeB.destroyForcibly();
			}
		}
	}

	/** A Linea node in its own JVM on this test's database, as the jar would run it. */
	private Process startNode(int port, String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		String url = databaseUrl();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-cp",
				System.getProperty("java.class.path"), LineaApplication.class.getName(), "--spring.profiles.active=test",
				"--server.port=" + port, "--linea.db.url=" + url, "--linea.db.user=postgres", "--linea.db.password=",
				"--linea.whatsapp.graph-url=" + this.graph.graphUrl(), "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.org.linea=WARN", "--spring.jmx.enabled=false"));
		// an external database needs its keys given: the ones this test's embedded database was written with
		keyProperties().forEach(key -> command.add("--" + key));
		Path log = this.logs.resolve("node-" + name + ".log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private void awaitReady(Process node, int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!node.isAlive()) {
				throw new AssertionError("node on port " + port + " died: " + tail(port));
			}
			try {
				HttpResponse<String> ready = this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("node on port " + port + " not ready in two minutes: " + tail(port));
	}

	private String tail(int port) {
		try (var files = Files.list(this.logs)) {
			return files.map(f -> {
				try {
					String text = Files.readString(f);
					return f.getFileName() + ":\n" + text.substring(Math.max(0, text.length() - 3000));
				}
				catch (IOException ex) {
					return f.toString();
				}
			}).collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return "port " + port;
		}
	}

	/** The webhook's status, or -1 when the node did not answer (dead, or killed during the call). */
	private int webhook(int port, String lineKey, byte[] body, String signature) {
		return call(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp/" + lineKey))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private int post(int port, String path, String token, String json) {
		return call(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private List<JsonNode> open(int port, String lineKey, String token) {
		try {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/lines/"
					+ lineKey + "/conversations")).header("Authorization", "Bearer " + token).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<JsonNode> entries = new ArrayList<>();
			this.json.readTree(response.body()).forEach(entries::add);
			return entries;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private int call(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** As {@code eventually}, with the time a loaded machine needs for leases to end and a JVM to die. */
	private static void within(java.util.function.Supplier<Boolean> condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within a minute: " + what);
			}
			Thread.sleep(100);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
