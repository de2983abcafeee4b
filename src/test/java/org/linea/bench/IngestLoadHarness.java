package org.linea.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.linea.LineaApplication;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.channel.ChannelAccounts;
import org.linea.access.ChannelType;
import org.linea.channel.Fixtures;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.shared.Warmup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ingest load harness (issue 13): N signed WhatsApp webhooks from distinct people, C in flight, against
 * a WhatsApp Cloud API line whose replies go to a local fake Graph API, with processing and sending
 * running. Prints acknowledged messages per second, acknowledgement latency p50/p99/max, and how long
 * processing took to drain. Run with {@code bench/ingest.sh}; see bench/README.md.
 */
public final class IngestLoadHarness {

	private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);

	static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 32);

	static final String PHONE_NUMBER_ID = "106540352242922";

	/**
	 * Webhook calls sent before measuring, at full concurrency: repeats of 200 stored messages (duplicates,
	 * so processing gets no extra work), enough for the JIT to compile the request path (200 calls one at
	 * a time, as before 2026-12-04, left it interpreted for the first seconds of the load).
	 */
	private static final int WARM_UP = Integer.getInteger("bench.warmup", 10_000);

	private IngestLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		FakeGraphApi graph = FakeGraphApi.instance();
		ConfigurableApplicationContext app = start(graph, args);
		try {
			run(app, graph);
		}
		finally {
			app.close();
			System.exit(0);
		}
	}

	/** A node on its own embedded PostgreSQL, replies to the fake Graph API; further --property=value arguments as given. */
	static ConfigurableApplicationContext start(FakeGraphApi graph, String... args) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--linea.demo=false", "--linea.data-dir=target/bench-data", "--linea.db.embedded.data-dir=target/bench-postgres",
				"--linea.db.embedded.ephemeral=true", "--linea.admin.password=" + InboxLoadHarness.PASSWORD,
				"--logging.level.org.linea=WARN", "--linea.whatsapp.graph-url=" + graph.graphUrl(),
				"--linea.security.rate-limits.api=1000000/1m"));
		// further --property=value arguments (e.g. --linea.pipeline.enabled=false for the ack path alone)
		arguments.addAll(List.of(args));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(LineaApplication.class);
		// -Dbench.ceiling=true: POST /webhooks/whatsapp/** answered 200 by the first filter (what Tomcat and the harness reach)
		if (Boolean.getBoolean("bench.ceiling")) {
			builder.initializers(CeilingFilter::register);
		}
		return builder.run(arguments.toArray(String[]::new));
	}

	/** The bench's WhatsApp Cloud API line, connected at 1,000 messages/s, and its webhook. */
	record BenchLine(Organisation organisation, Line line, int port, String path, String appSecret) {
	}

	/** Organisation "bench", its WhatsApp line "bench-wa" connected (the fake Graph API knows its number), an admin "bench-admin". */
	static BenchLine connect(ConfigurableApplicationContext app, FakeGraphApi graph) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		Organisation organisation = app.getBean(OrganisationService.class).create("bench", "Bench");
		Line line = app.getBean(LineService.class).create(new LineForm(organisation.id(), "bench-wa", "Bench WhatsApp",
				ChannelType.WHATSAPP_CLOUD, "PE", "America/Lima", List.of("es"), "", 30, 30));
		String appSecret = "bench-app-secret";
		UserService users = app.getBean(UserService.class);
		long admin = users.create("bench-admin", "Bench admin", InboxLoadHarness.PASSWORD);
		users.grant(admin, organisation.id(), Role.ADMIN);
		LineaUser adminUser = users.findById(admin).orElseThrow();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(adminUser, null,
				adminUser.getAuthorities()));
		app.getBean(ChannelAccounts.class).connect(line.key(), Map.of("phoneNumberId", PHONE_NUMBER_ID, "businessAccountId",
				"102290129340398", "accessToken", "EAAG-bench", "appSecret", appSecret, "verifyToken", "bench-verify"), 1000.0);
		SecurityContextHolder.clearContext();
		String path = "http://localhost:" + port + "/webhooks/whatsapp/" + line.key();
		graph.register(PHONE_NUMBER_ID, new FakeGraphApi.Number("EAAG-bench", path, appSecret, List.of()));
		return new BenchLine(organisation, line, port, path, appSecret);
	}

	private static void run(ConfigurableApplicationContext app, FakeGraphApi graph) throws Exception {
		BenchLine bench = connect(app, graph);
		int port = bench.port();
		String path = bench.path();
		String appSecret = bench.appSecret();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		List<byte[]> bodies = new ArrayList<>(MESSAGES);
		List<String> signatures = new ArrayList<>(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			bodies.add(textBody(51_900_000_000L + i, "wamid.bench-" + i));
			signatures.add(FakeGraphApiAccess.sign(appSecret, bodies.getLast()));
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
		awaitReady(app);
		warmUp(http, port, path, appSecret);
		// -Dbench.jfr=target/ingest.jfr: a JFR profile of the load and the drain (start-up and warm-up left out)
		String jfr = System.getProperty("bench.jfr");
		Recording recording = (jfr == null) ? null : new Recording(Configuration.getConfiguration("profile"));
		if (recording != null) {
			recording.start();
		}

		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
		AtomicInteger refused = new AtomicInteger();
		long started = System.nanoTime();
		// -Dbench.client=jdk: the JDK's HttpClient, as before 2026-12-03 evening (it took about a tenth of the CPU)
		if ("jdk".equals(System.getProperty("bench.client"))) {
			sendWithHttpClient(http, path, bodies, signatures, latencies, refused);
		}
		else {
			sendOnKeepAliveConnections(port, URI.create(path).getPath(), bodies, signatures, latencies, answered, refused);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		boolean processing = app.getEnvironment().getProperty("linea.pipeline.enabled", Boolean.class, true);
		System.out.printf("%nIngest: %,d signed WhatsApp webhooks from distinct people, %d in flight, %s%n", MESSAGES, IN_FLIGHT,
				processing ? "processing and sending on" : "the ack path alone (processing off)");
		System.out.printf("acknowledged %,.0f msg/s (%.1f s), not 200: %d%n", MESSAGES / seconds, seconds, refused.get());
		System.out.printf("ack latency ms: p50 %.1f  p99 %.1f  max %.1f%n", ms(sorted, 0.50), ms(sorted, 0.99),
				sorted.getLast() / 1e6);
		if (answered.size() > 2) {
			// the halves of the load by time of answer: a second half much faster than the first says warm-up or length is short
			List<Long> times = new ArrayList<>(answered);
			Collections.sort(times);
			int half = times.size() / 2;
			System.out.printf("acknowledged per half: first %,.0f msg/s, second %,.0f msg/s%n", half / ((times.get(half) - started) / 1e9),
					(times.size() - half) / ((times.getLast() - times.get(half)) / 1e9));
		}
		// -Dbench.drain=false: stop at the last acknowledgement (paired ack runs on a loaded machine)
		if (processing && Boolean.parseBoolean(System.getProperty("bench.drain", "true"))) {
			drain(jdbc);
		}
		if (recording != null) {
			// the load and, with processing on, the drain
			recording.stop();
			recording.dump(Path.of(jfr));
			recording.close();
		}
	}

	/** C connections, each sending the next message as soon as its previous one is answered. */
	static void sendOnKeepAliveConnections(int port, String path, List<byte[]> bodies, List<String> signatures,
			ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<Long> answered, AtomicInteger refused) throws InterruptedException {
		KeepAliveClient.Load load = KeepAliveClient.load(port, requests(port, path, bodies, signatures), IN_FLIGHT, 0);
		for (int n = 0; n < bodies.size(); n++) {
			latencies.add(load.latencies()[n]);
			answered.add(load.answeredAt()[n]);
		}
		refused.addAndGet(load.refused());
	}

	/** Signed webhook calls as prepared requests for {@link KeepAliveClient}. */
	static List<byte[]> requests(int port, String path, List<byte[]> bodies, List<String> signatures) {
		List<byte[]> requests = new ArrayList<>(bodies.size());
		for (int i = 0; i < bodies.size(); i++) {
			requests.add(KeepAliveClient.post("localhost", port, path,
					"Content-Type: application/json\r\nX-Hub-Signature-256: " + signatures.get(i) + "\r\n", bodies.get(i)));
		}
		return requests;
	}

	private static void sendWithHttpClient(HttpClient http, String path, List<byte[]> bodies, List<String> signatures,
			ConcurrentLinkedQueue<Long> latencies, AtomicInteger refused) throws InterruptedException {
		Semaphore slots = new Semaphore(IN_FLIGHT);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < bodies.size(); i++) {
				slots.acquire();
				int n = i;
				threads.submit(() -> {
					try {
						long sent = System.nanoTime();
						HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(path))
							.header("Content-Type", "application/json")
							.header("X-Hub-Signature-256", signatures.get(n))
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n)))
							.build(), HttpResponse.BodyHandlers.discarding());
						latencies.add(System.nanoTime() - sent);
						if (response.statusCode() != 200) {
							refused.incrementAndGet();
						}
					}
					catch (Exception ex) {
						refused.incrementAndGet();
					}
					finally {
						slots.release();
					}
				});
			}
		}
	}

	/** A person's text message, as the Cloud API posts it. */
	static byte[] textBody(long from, String id) {
		return Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", PHONE_NUMBER_ID, "FROM", String.valueOf(from), "ID", id))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void drain(JdbcClient jdbc) throws InterruptedException {
		long drainStarted = System.nanoTime();
		while (jdbc.sql("select count(*) from channel_inbound_message where processed_at is null").query(Long.class).single() > 0) {
			Thread.sleep(200);
		}
		System.out.printf("processing drained %.1f s after the last acknowledgement (%,d processed, %,d replies sent so far)%n",
				(System.nanoTime() - drainStarted) / 1e9,
				jdbc.sql("select count(*) from channel_inbound_message where processed_at is not null").query(Long.class).single(),
				jdbc.sql("select count(*) from channel_outbox where status = 'SENT'").query(Long.class).single());
	}

	/** As a load balancer would: no load before the node is ready (the safeguarding model learnt, see Warmup). */
	static void awaitReady(ConfigurableApplicationContext app) throws InterruptedException {
		Warmup warmup = app.getBean(Warmup.class);
		while (Status.OUT_OF_SERVICE.equals(warmup.health().getStatus())) {
			Thread.sleep(200);
		}
	}

	static void warmUp(HttpClient http, int port, String path, String appSecret) throws Exception {
		List<byte[]> bodies = new ArrayList<>();
		List<String> signatures = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			byte[] body = textBody(51_800_000_000L + i, "wamid.warm-" + i);
			bodies.add(body);
			signatures.add(FakeGraphApiAccess.sign(appSecret, body));
			http.send(HttpRequest.newBuilder(URI.create(path)).header("Content-Type", "application/json")
				.header("X-Hub-Signature-256", signatures.getLast())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
		}
		List<byte[]> repeats = new ArrayList<>(WARM_UP);
		List<String> repeatSignatures = new ArrayList<>(WARM_UP);
		for (int i = 0; i < WARM_UP; i++) {
			repeats.add(bodies.get(i % bodies.size()));
			repeatSignatures.add(signatures.get(i % bodies.size()));
		}
		long started = System.nanoTime();
		sendOnKeepAliveConnections(port, URI.create(path).getPath(), repeats, repeatSignatures, new ConcurrentLinkedQueue<>(),
				new ConcurrentLinkedQueue<>(), new AtomicInteger());
		System.out.printf("warm-up: %,d repeated calls in %.1f s%n", WARM_UP, (System.nanoTime() - started) / 1e9);
	}

	static double ms(List<Long> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

}
