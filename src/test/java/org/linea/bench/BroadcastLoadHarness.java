package org.linea.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.broadcast.BroadcastMessage;
import org.linea.broadcast.BroadcastRequest;
import org.linea.broadcast.BroadcastService;
import org.linea.channel.ChannelAccounts;
import org.linea.access.ChannelType;
import org.linea.channel.Fixtures;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.shared.crypto.FieldCipher;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Broadcast benchmark (issue 11): a WhatsApp line with 100,000 people who consented, a local fake
 * Graph API that only counts what it is sent, and Linea sending a broadcast to all of them. Prints the
 * time to list (enqueue) the recipients, the send rate achieved against the line's rate at 80/s and
 * 1,000/s, the bot's reply time to people writing in meanwhile, and the node's memory. Run with
 * {@code bench/broadcast.sh}; see bench/README.md.
 */
public final class BroadcastLoadHarness {

	private static final int PEOPLE = Integer.getInteger("bench.people", 100_000);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

	private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

	/** Sends the fake took, per second since it started. */
	private static final Map<Long, AtomicLong> perSecond = new ConcurrentHashMap<>();

	/** When the fake was sent something for a number that wrote in (the bot's reply). */
	private static final Map<String, Long> repliedAt = new ConcurrentHashMap<>();

	private static final long origin = System.nanoTime();

	private BroadcastLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		HttpServer graph = fakeGraph();
		ConfigurableApplicationContext app = InboxLoadHarness.start("--linea.whatsapp.graph-url=http://127.0.0.1:"
				+ graph.getAddress().getPort() + "/v23.0", "--logging.level.org.linea.channel=ERROR");
		try {
			run(app);
		}
		finally {
			app.close();
			graph.stop(0);
			System.exit(0);
		}
	}

	private static void run(ConfigurableApplicationContext app) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		UserService users = app.getBean(UserService.class);
		Organisation organisation = app.getBean(OrganisationService.class).create("bench", "Bench");
		Line line = app.getBean(LineService.class).create(new LineForm(organisation.id(), "bench", "Bench line",
				ChannelType.WHATSAPP_CLOUD, "PE", "America/Lima", List.of("es", "en"), "", 30, 30));
		String appSecret = UUID.randomUUID().toString();
		ChannelAccounts accounts = app.getBean(ChannelAccounts.class);
		as(users, users.loadUserByUsername("admin").getUsername(), users, () -> {
			accounts.connect(line.key(), Map.of("phoneNumberId", "100000000001", "businessAccountId", "1", "accessToken", "EAAGbench",
					"appSecret", appSecret, "verifyToken", "bench-verify"), 80.0);
			accounts.addTemplate(line.key(), "aviso", "es", "Aviso: {{1}}");
		});
		long coordinator = users.create("bench-coordinator", "Bench coordinator", InboxLoadHarness.PASSWORD);
		users.grant(coordinator, organisation.id(), Role.COORDINATOR);
		jdbc.sql("insert into broadcast_line_settings (line_id, weekly_cap, daily_limit) values (?, 100, 1000000)").param(line.id()).update();

		long seeding = System.nanoTime();
		byte[] phone = app.getBean(FieldCipher.class).encrypt("+51900000000");
		jdbc.sql("""
				insert into contact_contact (line_id, code, phone_hash, phone_encrypted, language)
				select ?, '26PE' || lpad(i::text, 6, '0'), decode(md5(i::text), 'hex'), ?, case when i % 3 = 0 then 'en' else 'es' end
				from generate_series(1, ?) as i
				""").params(line.id(), phone, PEOPLE).update();
		jdbc.sql("""
				insert into contact_consent_event (contact_id, purpose, event, wording_version, source)
				select id, 'BROADCASTS', 'GIVEN', 'v1', 'import:bench' from contact_contact where line_id = ?
				""").param(line.id()).update();
		jdbc.sql("analyze").update();
		System.out.printf("Seeded %,d people who consented in %.1f s%n", PEOPLE, (System.nanoTime() - seeding) / 1e9);

		// the node's first answer is its first request and first use of the pipeline (class loading, JIT,
		// the dispatcher servlet): timed once here, before any campaign, and kept out of the figures below
		as(users, "admin", users, () -> accounts.connect(line.key(), Map.of(), 80.0));
		System.out.printf("First bot reply after start, no campaign running (cold): %d ms%n", botReplyMillis(port, line, appSecret));

		BroadcastService broadcasts = app.getBean(BroadcastService.class);
		for (double rate : new double[] { 80, 1000 }) {
			as(users, "admin", users, () -> accounts.connect(line.key(), Map.of(), rate));
			long[] id = new long[1];
			long[] listedNanos = new long[1];
			as(users, "bench-coordinator", users, () -> {
				id[0] = broadcasts.create(line.key(), new BroadcastRequest("bench " + rate, Audience.of(ConsentPurpose.BROADCASTS),
						new BroadcastMessage(null, new BroadcastMessage.TemplateRef("aviso", "es", List.of("reparto")), null), null));
				long started = System.nanoTime();
				broadcasts.start(id[0]);
				listedNanos[0] = System.nanoTime() - started;
			});
			System.out.printf("%nLine rate %.0f/s: %,d recipients listed (enqueued) in %.2f s%n", rate,
					jdbc.sql("select recipients from broadcast_campaign where id = ?").param(id[0]).query(Integer.class).single(),
					listedNanos[0] / 1e9);
			Thread.sleep(3000); // warm-up: the first rounds, JIT
			long from = second();
			List<Long> latencies = new ArrayList<>();
			long peakHeap = 0;
			long peakRss = 0;
			for (int s = 0; s < SECONDS; s++) {
				if (s % 3 == 1) {
					latencies.add(botReplyMillis(port, line, appSecret));
				}
				else {
					Thread.sleep(1000);
				}
				peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				peakRss = Math.max(peakRss, rssBytes());
			}
			long to = second();
			long sent = 0;
			for (long sec = from; sec < to; sec++) {
				AtomicLong n = perSecond.get(sec);
				sent += n == null ? 0 : n.get();
			}
			double achieved = sent / (double) (to - from);
			List<Long> inOrder = List.copyOf(latencies);
			Collections.sort(latencies);
			System.out.printf("  achieved %.1f/s over %d s (%.1f %% of the line's rate)%n", achieved, to - from, 100 * achieved / rate);
			System.out.printf("  bot reply to a person writing in during the campaign: p50 %d ms, max %d ms (%d messages)%n",
					latencies.get(latencies.size() / 2), latencies.getLast(), latencies.size());
			System.out.printf("  bot replies in order of arrival (ms): %s%n", inOrder);
			// where a reply's time goes: stored -> the pipeline's transaction began -> the provider took it
			System.out.printf("  of which stored->pipeline / pipeline->sent (ms): %s%n", jdbc.sql("""
					select round(extract(epoch from (o.created_at - i.received_at)) * 1000) || '/'
					       || round(extract(epoch from (o.sent_at - o.created_at)) * 1000)
					from channel_outbox o
					join contact_contact c on c.id = o.contact_id
					join channel_inbound_message i on i.line_id = o.line_id and i.sender_hash = c.phone_hash
					where o.line_id = ? and not o.bulk and o.created_at > now() - interval '40 seconds'
					order by o.id
					""").param(line.id()).query(String.class).list());
			System.out.printf("  memory of the node: heap used peak %.0f MB, resident set peak %.0f MB (heap max %.0f MB)%n",
					peakHeap / 1e6, peakRss / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
			// tables read whole since the start (a read that grows with the audience shows here)
			System.out.printf("  sequential scans so far (table: scans / rows read): %s%n", jdbc.sql("""
					select string_agg(relname || ': ' || seq_scan || ' / ' || seq_tup_read, ', ' order by seq_tup_read desc)
					from (select * from pg_stat_user_tables where seq_tup_read > 100000 order by seq_tup_read desc limit 6) t
					""").query(String.class).single());
			as(users, "bench-coordinator", users, () -> broadcasts.cancel(id[0]));
			Thread.sleep(2000);
		}
	}

	/** A person writes in over the webhook; the time until the fake is sent the bot's answer to them. */
	private static long botReplyMillis(int port, Line line, String appSecret) throws Exception {
		String from = "519" + (10_000_000 + (int) (Math.random() * 89_999_999));
		byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", "100000000001", "FROM", from, "ID",
				"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/webhooks/whatsapp/" + line.key()))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", FakeGraphApiAccess.sign(appSecret, inbound))
			.POST(HttpRequest.BodyPublishers.ofByteArray(inbound))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("Webhook answered " + answer.statusCode());
		}
		while (!repliedAt.containsKey(from)) {
			if (System.nanoTime() - start > 30_000_000_000L) {
				return 30_000;
			}
			Thread.sleep(2);
		}
		long millis = (repliedAt.get(from) - start) / 1_000_000;
		Thread.sleep(Math.max(0, 1000 - millis));
		return millis;
	}

	/** Counts sends per second and notes replies to people who wrote in; answers as Meta does. */
	private static HttpServer fakeGraph() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", exchange -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Matcher to = TO.matcher(body);
				if (to.find() && !to.group(1).equals("51900000000")) {
					repliedAt.putIfAbsent(to.group(1), System.nanoTime());
				}
				else {
					perSecond.computeIfAbsent(second(), s -> new AtomicLong()).incrementAndGet();
				}
				byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
			}
		});
		server.start();
		return server;
	}

	private static long second() {
		return (System.nanoTime() - origin) / 1_000_000_000L;
	}

	private static long rssBytes() {
		try {
			for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (l.startsWith("VmRSS:")) {
					return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// not Linux: no figure
		}
		return 0;
	}

	private static void as(UserService users, String username, UserService unused, Runnable action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
