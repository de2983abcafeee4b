package org.linea.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.linea.LineaApplication;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.access.ChannelType;
import org.linea.shared.crypto.FieldCipher;
import org.linea.web.SignedInClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inbox load harness (issue 5): seeds a line with 100,000 conversations and 1,000,000 messages in the
 * embedded PostgreSQL, then times, over real HTTP on loopback, opening the inbox, switching queues,
 * searching and opening a conversation, and how long a new message takes to reach an open inbox by
 * Server-Sent Events. Run with {@code bench/inbox.sh}; see bench/README.md.
 */
public final class InboxLoadHarness {

	/** Every bench account's password (the admin's too): long, uncommon, without the username. */
	static final String PASSWORD = "load harness passphrase";

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 100_000);

	private static final int MESSAGES_PER_CONVERSATION = Integer.getInteger("bench.messagesPerConversation", 10);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

	private InboxLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = start();
		try {
			run(app);
		}
		finally {
			app.close();
			System.exit(0);
		}
	}

	/** Linea on its own throw-away embedded PostgreSQL under target/. */
	static ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--linea.demo=false", "--linea.data-dir=target/bench-data", "--linea.db.embedded.data-dir=target/bench-postgres",
				"--linea.db.embedded.ephemeral=true", "--linea.admin.password=" + PASSWORD,
				"--logging.level.org.linea=WARN", "--linea.conversation.bot-idle-close=P3650D"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(LineaApplication.class).run(args.toArray(String[]::new));
	}

	/** The organisation "bench" with its line "bench", in Lima's time zone. */
	static Line benchLine(ConfigurableApplicationContext app) {
		Organisation organisation = app.getBean(OrganisationService.class).create("bench", "Bench");
		return app.getBean(LineService.class).create(new LineForm(organisation.id(), "bench", "Bench line", ChannelType.SIMULATOR,
				"PE", "America/Lima", List.of("es", "en"), "", 30, 30));
	}

	/** A user of the role on the bench organisation, password {@link #PASSWORD}; returns the id. */
	static long benchUser(ConfigurableApplicationContext app, Line line, Role role) {
		String name = "bench-" + role.name().toLowerCase(java.util.Locale.ROOT);
		UserService users = app.getBean(UserService.class);
		long id = users.create(name, "Bench " + role.name().toLowerCase(java.util.Locale.ROOT), PASSWORD);
		users.grant(id, line.organisationId(), role);
		return id;
	}

	private static void run(ConfigurableApplicationContext app) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Line line = benchLine(app);
		long operator = benchUser(app, line, Role.OPERATOR);

		long started = System.nanoTime();
		seed(jdbc, app.getBean(FieldCipher.class), line, operator);
		System.out.printf("Seeded %,d conversations and %,d messages in %.1f s%n", count(jdbc, "conversation_conversation"),
				count(jdbc, "conversation_message"), (System.nanoTime() - started) / 1e9);

		SignedInClient browser = new SignedInClient(port).signIn("bench-operator", PASSWORD);
		List<Long> open = jdbc.sql("select id from conversation_conversation where state <> 'CLOSED' order by random() limit 500")
			.query(Long.class).list();
		Long health = jdbc.sql("select id from inbox_team where line_id = ? and team_key = 'health'").param(line.id()).query(Long.class).single();

		System.out.printf("%nServer round trips over loopback, %d requests each (ms)%n", ROUNDS);
		System.out.printf("%-42s %8s %8s %8s %8s%n", "request", "p50", "p95", "p99", "max");
		time("open the inbox page", i -> "/inbox", browser);
		time("queue: all open conversations", i -> "/inbox/queue", browser);
		time("queue: switch to the health team", i -> "/inbox/queue?team=" + health, browser);
		time("queue: unassigned only", i -> "/inbox/queue?view=waiting", browser);
		time("queue: mine", i -> "/inbox/queue?view=mine", browser);
		time("queue: search words in messages", i -> "/inbox/queue?text=vacuna", browser);
		time("open a conversation", i -> "/inbox/conversations/" + open.get(i % open.size()), browser);
		time("conversation pane refresh (live update)", i -> "/inbox/conversations/" + open.get(i % open.size()) + "/pane", browser);

		String token = app.getBean(ApiTokenService.class).create(operator, "bench");
		liveUpdateLatency(port, browser, token, line);
	}

	/** One line's year: 100,000 contacts with a conversation each, 10 messages per conversation (by default). */
	static void seed(JdbcClient jdbc, FieldCipher cipher, Line line, long operator) {
		byte[] phone = cipher.encrypt("+51900000000");
		jdbc.sql("""
				insert into contact_contact (line_id, code, phone_hash, phone_encrypted, language, created_at, last_seen_at)
				select ?, '26PE' || lpad(i::text, 6, '0'), decode(md5(i::text), 'hex'), ?, 'es',
				       now() - (i % 365) * interval '1 day', now() - (i % 365) * interval '1 day'
				from generate_series(1, ?) as i
				""").params(line.id(), phone, CONVERSATIONS).update();
		List<Long> teams = jdbc.sql("select id from inbox_team where line_id = ? order by id").param(line.id()).query(Long.class).list();
		// one conversation per contact over a year; the newest 5% are still open, half of those held by someone
		jdbc.sql("""
				insert into conversation_conversation (line_id, contact_id, contact_code, state, language, assignee_id, team_id,
				    opened_at, queued_at, waiting_since, last_inbound_at, last_message_at, closed_at)
				select c.line_id, c.id, c.code,
				       case when n > ? * 0.95 then (case when n % 2 = 0 then 'ASSIGNED' else 'QUEUED' end) else 'CLOSED' end,
				       'es',
				       case when n > ? * 0.95 and n % 2 = 0 then ? end,
				       (array[?, ?, ?])[1 + n % 3],
				       c.created_at, c.created_at,
				       case when n > ? * 0.95 then now() - (n % 120) * interval '1 minute' end,
				       c.created_at, c.created_at,
				       case when n > ? * 0.95 then null else c.created_at + interval '1 hour' end
				from (select id, line_id, code, created_at, row_number() over (order by id) as n from contact_contact where line_id = ?) c
				""").params(CONVERSATIONS, CONVERSATIONS, operator, teams.get(0), teams.get(1), teams.get(2), CONVERSATIONS, CONVERSATIONS,
				line.id()).update();
		jdbc.sql("""
				insert into conversation_message (conversation_id, line_id, direction, sender_kind, body, status, created_at)
				select v.id, v.line_id, case when m % 2 = 1 then 'IN' else 'OUT' end,
				       case when m % 2 = 1 then 'CONTACT' else 'OPERATOR' end,
				       (array['hola buenas, una consulta', 'donde me vacuno contra la influenza', 'cuando pagan el bono',
				              'gracias por la informacion', 'mi hijo tiene fiebre desde ayer'])[1 + (v.id + m) % 5],
				       case when m % 2 = 1 then 'RECEIVED' else 'READ' end,
				       v.opened_at + m * interval '1 minute'
				from conversation_conversation v cross join generate_series(1, ?) as m
				where v.line_id = ?
				""").params(MESSAGES_PER_CONVERSATION, line.id()).update();
		jdbc.sql("analyze").update();
	}

	static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	static void time(String what, IntFunction<String> path, SignedInClient browser) {
		for (int i = 0; i < 10; i++) {
			browser.get(path.apply(i));
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = browser.get(path.apply(i));
			millis.add((System.nanoTime() - start) / 1e6);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(what + " answered " + response.statusCode());
			}
		}
		print(what, millis);
	}

	private static void print(String what, List<Double> millis) {
		Collections.sort(millis);
		System.out.printf("%-42s %8.1f %8.1f %8.1f %8.1f%n", what, percentile(millis, 50), percentile(millis, 95),
				percentile(millis, 99), millis.getLast());
	}

	private static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	/** Time from a person's message being accepted to the inbox's event stream announcing it. */
	private static void liveUpdateLatency(int port, SignedInClient browser, String token, Line line) throws Exception {
		Map<String, Long> heard = new ConcurrentHashMap<>();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/events"))
			.header("Cookie", browser.cookieHeader())
			.build();
		HttpResponse<InputStream> stream = http.send(subscribe, HttpResponse.BodyHandlers.ofInputStream());
		Thread reader = Thread.ofVirtual().start(() -> read(stream.body(), heard));
		List<Double> millis = new ArrayList<>();
		int warmUp = 5;
		int messages = 50;
		for (int i = 0; i < warmUp + messages; i++) {
			String from = "+5199" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
			heard.clear();
			long start = System.nanoTime();
			HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/simulator/"
					+ line.key() + "/messages"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + from + "\", \"text\": \"hola\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (accepted.statusCode() != 202) {
				throw new IllegalStateException("simulator answered " + accepted.statusCode());
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!heard.containsKey("queue") && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			Long at = heard.get("queue");
			if (i >= warmUp) {
				millis.add(at == null ? Double.NaN : (at - start) / 1e6);
			}
			Thread.sleep(100);
		}
		reader.interrupt();
		System.out.printf("%nNew message -> event in an open inbox, %d messages (ms)%n", messages);
		System.out.printf("%-42s %8s %8s %8s %8s%n", "", "p50", "p95", "p99", "max");
		print("accepted -> first inbox event", millis);
	}

	private static void read(InputStream body, Map<String, Long> heard) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("event:")) {
					heard.putIfAbsent(line.substring(6).strip(), System.nanoTime());
				}
			}
		}
		catch (IOException ex) {
			// the harness is done with the stream
		}
	}

}
