package org.linea.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.broadcast.BroadcastMessage;
import org.linea.broadcast.BroadcastRequest;
import org.linea.broadcast.BroadcastService;
import org.linea.channel.ChannelAccounts;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.linea.channel.whatsapp.FakeGraphApiAccess;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Status callbacks at provider speed, and a stored backlog draining under load (issue 13, item 1). Starts a node
 * as {@link IngestLoadHarness} does, then one of two modes:
 * <ul>
 * <li><b>statuses</b> (default): a broadcast to {@code bench.messages} people goes out through the outbox to the
 * fake Graph API (each row then has the provider's id, as a real send leaves it); then the harness posts, signed and in
 * the Cloud API's format, a {@code sent}, a {@code delivered} and a {@code read} for each message, {@code bench.inFlight}
 * at a time, in the order a provider reports a running broadcast (each kind a little behind the one before, so calls
 * for different messages interleave), with {@code bench.duplicates} (a share) of them delivered twice,
 * {@code bench.outOfOrder} (a share) of the messages' read reported before their delivered, and
 * {@code bench.inbound} people writing in mixed in. Prints acknowledged/s and ack p50/p99/max (statuses and inbound
 * apart), then checks every recipient ended READ, every report stored once, and the campaign's counts.</li>
 * <li><b>backlog</b> ({@code -Dbench.backlog=B}): processing stopped (as on a node that is down: messages stored,
 * not processed), B people's messages are stored through the webhook; processing starts again (the next recovery
 * round finds them), and meanwhile {@code bench.messages} fresh webhooks are sent, at full speed or at
 * {@code bench.rate}/s. Prints their acknowledgement figures and how long the backlog and everything took to drain
 * ({@code -Dbench.jfr} records the fresh load only).
 * {@code -Dbench.backlog=0} is the same load with nothing stored before, to compare against.</li>
 * </ul>
 * Run with {@code bench/statuses.sh}; see bench/README.md ("Session 11 (helper h13s)").
 */
public final class StatusLoadHarness {

	private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);

	private static final int BACKLOG = Integer.getInteger("bench.backlog", -1);

	private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "0"));

	private static final int INBOUND = Integer.getInteger("bench.inbound", 0);

	private static final double DUPLICATES = Double.parseDouble(System.getProperty("bench.duplicates", "0.05"));

	private static final double OUT_OF_ORDER = Double.parseDouble(System.getProperty("bench.outOfOrder", "0.02"));

	/** How many calls a kind of report runs behind the one before it (a provider's delivered comes after its sent). */
	private static final int LAG = Integer.getInteger("bench.lag", 500);

	/** Messages whose reports warm the status path up before the measured ones (at most a quarter of them). */
	private static final int STATUS_WARM_UP = Integer.getInteger("bench.statusWarmup", 3_000);

	/** The person every broadcast recipient is seeded with ({@link BroadcastLoadHarness#seedConsentedPeople}). */
	private static final String RECIPIENT = "51900000000";

	private StatusLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		FakeGraphApi graph = FakeGraphApi.instance();
		ConfigurableApplicationContext app = IngestLoadHarness.start(graph, args);
		try {
			IngestLoadHarness.BenchLine bench = IngestLoadHarness.connect(app, graph);
			IngestLoadHarness.awaitReady(app);
			IngestLoadHarness.warmUp(java.net.http.HttpClient.newHttpClient(), bench.port(), bench.path(), bench.appSecret());
			if (BACKLOG >= 0) {
				backlog(app, bench);
			}
			else {
				statuses(app, bench);
			}
		}
		finally {
			app.close();
			System.exit(0);
		}
	}

	private static void statuses(ConfigurableApplicationContext app, IngestLoadHarness.BenchLine bench) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		long campaign = broadcastAndWaitUntilSent(app, bench);
		List<String> all = jdbc.sql("select provider_message_id from channel_outbox where line_id = ? and bulk order by id")
			.param(bench.line().id()).query(String.class).list();
		// the first messages' reports warm the status path up (the inbound warm-up does not reach it), unmeasured
		List<String> warming = all.subList(0, Math.min(STATUS_WARM_UP, all.size() / 4));
		long warmUpStarted = System.nanoTime();
		KeepAliveClient.load(bench.port(), statusRequests(bench, reportOrder(warming, new Random(7)), Instant.now().getEpochSecond()),
				IngestLoadHarness.IN_FLIGHT, 0);
		System.out.printf("status warm-up: %,d messages' reports in %.1f s%n", warming.size(), (System.nanoTime() - warmUpStarted) / 1e9);
		List<String> wamids = all.subList(warming.size(), all.size());
		Random random = new Random(13);
		List<String[]> reports = reportOrder(wamids, random);
		List<byte[]> bodies = new ArrayList<>();
		List<Boolean> inbound = new ArrayList<>();
		long timestamp = Instant.now().getEpochSecond();
		for (String[] report : reports) {
			bodies.add(statusBody(report[0], report[1], timestamp));
			inbound.add(false);
		}
		// repetitions: a provider delivers again what it was not sure was taken
		int repeats = (int) (bodies.size() * DUPLICATES);
		for (int i = 0; i < repeats; i++) {
			int at = random.nextInt(bodies.size());
			bodies.add(Math.min(bodies.size(), at + 1 + random.nextInt(2 * LAG)), bodies.get(at));
			inbound.add(false);
		}
		for (int i = 0; i < INBOUND; i++) {
			int at = (int) ((long) i * bodies.size() / INBOUND);
			bodies.add(at, IngestLoadHarness.textBody(51_600_000_000L + i, "wamid.mixed-" + i));
			inbound.add(at, true);
		}
		List<String> signatures = bodies.stream().map(body -> FakeGraphApiAccess.sign(bench.appSecret(), body)).toList();
		Recording recording = startRecording();
		KeepAliveClient.Load load = KeepAliveClient.load(bench.port(), IngestLoadHarness.requests(bench.port(),
				java.net.URI.create(bench.path()).getPath(), bodies, signatures), IngestLoadHarness.IN_FLIGHT, RATE);
		System.out.printf("%nStatus callbacks: %,d messages sent by a broadcast, %,d status webhooks (%,d repeated, %.0f %% read before"
				+ " delivered) and %,d people writing in, %d in flight%n", wamids.size(), reports.size() + repeats, repeats,
				100 * OUT_OF_ORDER, INBOUND, IngestLoadHarness.IN_FLIGHT);
		print(load, inbound, false, "status webhooks");
		if (INBOUND > 0) {
			print(load, inbound, true, "inbound webhooks");
		}
		stopRecording(recording);
		verifyStatuses(app, bench, campaign, all);
	}

	/**
	 * Each message's sent, delivered and read, as a running broadcast's reports arrive: the delivered of message
	 * k comes {@link #LAG} calls after its sent, its read as much again; for {@link #OUT_OF_ORDER} of the messages
	 * the read comes first.
	 */
	private static List<String[]> reportOrder(List<String> wamids, Random random) {
		List<String[]> order = new ArrayList<>(3 * wamids.size());
		for (int step = 0; step < wamids.size() + 2 * LAG; step++) {
			if (step < wamids.size()) {
				order.add(new String[] { wamids.get(step), "sent" });
			}
			int delivered = step - LAG;
			int read = step - 2 * LAG;
			boolean swapped = delivered >= 0 && delivered < wamids.size() && new Random(delivered).nextDouble() < OUT_OF_ORDER;
			if (delivered >= 0 && delivered < wamids.size()) {
				order.add(new String[] { wamids.get(delivered), swapped ? "read" : "delivered" });
			}
			if (read >= 0 && read < wamids.size()) {
				boolean readSwapped = new Random(read).nextDouble() < OUT_OF_ORDER;
				order.add(new String[] { wamids.get(read), readSwapped ? "delivered" : "read" });
			}
		}
		return order;
	}

	private static List<byte[]> statusRequests(IngestLoadHarness.BenchLine bench, List<String[]> reports, long timestamp) {
		List<byte[]> bodies = reports.stream().map(report -> statusBody(report[0], report[1], timestamp)).toList();
		return IngestLoadHarness.requests(bench.port(), java.net.URI.create(bench.path()).getPath(), bodies,
				bodies.stream().map(body -> FakeGraphApiAccess.sign(bench.appSecret(), body)).toList());
	}

	/** A status webhook as the Cloud API posts it (pricing with sent and delivered, conversation with sent). */
	private static byte[] statusBody(String wamid, String status, long timestamp) {
		long at = timestamp + switch (status) {
			case "sent" -> 0;
			case "delivered" -> 1;
			default -> 2;
		};
		String extra = switch (status) {
			case "sent" -> ",\"conversation\":{\"id\":\"c0b1c2d3e4f5\",\"expiration_timestamp\":\"" + (timestamp + 86_400)
					+ "\",\"origin\":{\"type\":\"marketing\"}},\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\","
					+ "\"category\":\"marketing\"}";
			case "delivered" -> ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"marketing\"}";
			default -> "";
		};
		return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
				+ "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001234\",\"phone_number_id\":\""
				+ IngestLoadHarness.PHONE_NUMBER_ID + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status
				+ "\",\"timestamp\":\"" + at + "\",\"recipient_id\":\"" + RECIPIENT + "\"" + extra + "}]},\"field\":\"messages\"}]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A broadcast of a template to {@link #MESSAGES} people who consented, at the line's 1,000/s; returns once all are sent. */
	private static long broadcastAndWaitUntilSent(ConfigurableApplicationContext app, IngestLoadHarness.BenchLine bench)
			throws InterruptedException {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		UserService users = app.getBean(UserService.class);
		String lineKey = bench.line().key();
		BroadcastLoadHarness.as(users, "bench-admin", users, () -> app.getBean(ChannelAccounts.class).addTemplate(lineKey, "aviso", "es",
				"Aviso: {{1}}"));
		users.grant(users.create("bench-coordinator", "Bench coordinator", InboxLoadHarness.PASSWORD), bench.organisation().id(),
				Role.COORDINATOR);
		jdbc.sql("insert into broadcast_line_settings (line_id, weekly_cap, daily_limit) values (?, 100, 1000000)")
			.param(bench.line().id()).update();
		BroadcastLoadHarness.seedConsentedPeople(app, bench.line().id(), MESSAGES + STATUS_WARM_UP);
		BroadcastService broadcasts = app.getBean(BroadcastService.class);
		long[] id = new long[1];
		long started = System.nanoTime();
		BroadcastLoadHarness.as(users, "bench-coordinator", users, () -> {
			id[0] = broadcasts.create(lineKey, new BroadcastRequest("bench statuses", Audience.of(ConsentPurpose.BROADCASTS),
					new BroadcastMessage(null, new BroadcastMessage.TemplateRef("aviso", "es", List.of("reparto")), null), null));
			broadcasts.start(id[0]);
		});
		// the audience is everyone who consented: the seeded people and some of the warm-up's writers
		long recipients = jdbc.sql("select recipients from broadcast_campaign where id = ?").param(id[0]).query(Long.class).single();
		long sent = 0;
		while (sent < recipients) {
			Thread.sleep(500);
			sent = jdbc.sql("select count(*) from channel_outbox where line_id = ? and bulk and status = 'SENT' and provider_message_id is not null")
				.param(bench.line().id()).query(Long.class).single();
			if (System.nanoTime() - started > 600_000_000_000L) {
				throw new IllegalStateException("broadcast not sent within 10 minutes: " + sent + " of " + recipients);
			}
		}
		System.out.printf("Broadcast to %,d people sent through the outbox in %.1f s%n", recipients, (System.nanoTime() - started) / 1e9);
		return id[0];
	}

	/** Every recipient READ, every report stored once (repetitions ignored), the outbox rows SENT, the campaign's counts. */
	private static void verifyStatuses(ConfigurableApplicationContext app, IngestLoadHarness.BenchLine bench, long campaign,
			List<String> wamids) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Map<String, Long> recipients = new TreeMap<>();
		jdbc.sql("select status, count(*) from broadcast_recipient where campaign_id = ? group by status").param(campaign)
			.query(rs -> {
				recipients.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Long> reports = new TreeMap<>();
		jdbc.sql("""
				select status, count(*) from channel_delivery_report where line_id = ? and provider_message_id = any(?) group by status
				""").params(bench.line().id(), wamids.toArray(String[]::new))
			.query(rs -> {
				reports.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Long> outbox = new TreeMap<>();
		jdbc.sql("select status, count(*) from channel_outbox where line_id = ? and bulk group by status").param(bench.line().id())
			.query(rs -> {
				outbox.put(rs.getString(1), rs.getLong(2));
			});
		UserService users = app.getBean(UserService.class);
		Object[] counts = new Object[1];
		BroadcastLoadHarness.as(users, "bench-coordinator", users,
				() -> counts[0] = app.getBean(BroadcastService.class).get(campaign).counts().entrySet().stream()
					.filter(e -> e.getValue() > 0).toList());
		long n = wamids.size();
		boolean right = recipients.equals(Map.of("READ", n)) && reports.equals(Map.of("SENT", n, "DELIVERED", n, "READ", n))
				&& outbox.equals(Map.of("SENT", n));
		System.out.printf("verified: %s; recipients %s, reports stored %s, outbox rows %s, the campaign's counts %s%n",
				right ? "every message READ, every report stored once" : "WRONG", recipients, reports, outbox, counts[0]);
	}

	private static void backlog(ConfigurableApplicationContext app, IngestLoadHarness.BenchLine bench) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		SmartLifecycle processing = app.getBean("processInboundMessages", SmartLifecycle.class);
		String path = java.net.URI.create(bench.path()).getPath();
		if (BACKLOG > 0) {
			processing.stop();
			List<byte[]> stored = new ArrayList<>(BACKLOG);
			for (int i = 0; i < BACKLOG; i++) {
				stored.add(IngestLoadHarness.textBody(51_700_000_000L + i, "wamid.backlog-" + i));
			}
			KeepAliveClient.Load storing = KeepAliveClient.load(bench.port(), IngestLoadHarness.requests(bench.port(), path, stored,
					stored.stream().map(body -> FakeGraphApiAccess.sign(bench.appSecret(), body)).toList()), IngestLoadHarness.IN_FLIGHT, 0);
			System.out.printf("%nBacklog: %,d messages stored with processing stopped (%,.0f msg/s, not 200: %d); %,d unprocessed%n",
					BACKLOG, BACKLOG / ((Arrays.stream(storing.answeredAt()).max().orElseThrow() - storing.started()) / 1e9), storing.refused(),
					unprocessed(jdbc, "wamid.%"));
			// the node comes back: its recovery rounds find what was stored meanwhile
			processing.start();
		}
		long processingStarted = System.nanoTime();
		List<byte[]> fresh = new ArrayList<>(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			fresh.add(IngestLoadHarness.textBody(51_900_000_000L + i, "wamid.fresh-" + i));
		}
		Recording recording = startRecording();
		KeepAliveClient.Load load = KeepAliveClient.load(bench.port(), IngestLoadHarness.requests(bench.port(), path, fresh,
				fresh.stream().map(body -> FakeGraphApiAccess.sign(bench.appSecret(), body)).toList()), IngestLoadHarness.IN_FLIGHT, RATE);
		long backlogLeft = unprocessed(jdbc, "wamid.backlog-%");
		// the profile of the load only: the drain that follows would outweigh it
		stopRecording(recording);
		System.out.printf("%nFresh webhooks %s: %,d from distinct people, %d in flight, %s%n",
				BACKLOG > 0 ? "while a backlog of " + String.format("%,d", BACKLOG) + " drains" : "with no backlog", MESSAGES,
				IngestLoadHarness.IN_FLIGHT, RATE > 0 ? String.format("offered at %.0f/s", RATE) : "at full speed");
		print(load, Collections.nCopies(MESSAGES, true), true, "fresh webhooks");
		System.out.printf("backlog left unprocessed at the last acknowledgement: %,d of %,d%n", backlogLeft, Math.max(BACKLOG, 0));
		double backlogDrained = -1;
		while (true) {
			if (backlogDrained < 0 && unprocessed(jdbc, "wamid.backlog-%") == 0) {
				backlogDrained = (System.nanoTime() - processingStarted) / 1e9;
			}
			if (backlogDrained >= 0 && unprocessed(jdbc, "wamid.%") == 0) {
				break;
			}
			Thread.sleep(200);
		}
		double all = (System.nanoTime() - processingStarted) / 1e9;
		System.out.printf("drained: %s, everything (backlog and fresh) %.1f s after processing started (%,d processed, %,d replies sent)%n",
				BACKLOG > 0 ? String.format("the backlog %.1f s after processing started", backlogDrained) : "no backlog", all,
				jdbc.sql("select count(*) from channel_inbound_message where processed_at is not null").query(Long.class).single(),
				jdbc.sql("select count(*) from channel_outbox where status = 'SENT'").query(Long.class).single());
	}

	private static long unprocessed(JdbcClient jdbc, String idPattern) {
		return jdbc.sql("select count(*) from channel_inbound_message where processed_at is null and provider_message_id like ?")
			.param(idPattern).query(Long.class).single();
	}

	/** Acknowledged/s, ack p50/p99/max and the halves' rates of the calls whose {@code kind} is {@code which}. */
	private static void print(KeepAliveClient.Load load, List<Boolean> kind, boolean which, String what) {
		List<Long> latencies = new ArrayList<>();
		List<Long> answered = new ArrayList<>();
		for (int i = 0; i < kind.size(); i++) {
			if (kind.get(i) == which) {
				latencies.add(load.latencies()[i]);
				answered.add(load.answeredAt()[i]);
			}
		}
		Collections.sort(latencies);
		Collections.sort(answered);
		double seconds = (answered.getLast() - load.started()) / 1e9;
		int half = answered.size() / 2;
		System.out.printf("%s: acknowledged %,.0f/s (%,d in %.1f s), not 200: %d (all calls)%n", what, answered.size() / seconds,
				answered.size(), seconds, load.refused());
		System.out.printf("  ack latency ms: p50 %.1f  p99 %.1f  max %.1f; per half: first %,.0f/s, second %,.0f/s%n",
				IngestLoadHarness.ms(latencies, 0.50), IngestLoadHarness.ms(latencies, 0.99), latencies.getLast() / 1e6,
				half / ((answered.get(half) - load.started()) / 1e9), (answered.size() - half) / ((answered.getLast() - answered.get(half)) / 1e9));
	}

	/** -Dbench.jfr=target/statuses.jfr: a JFR profile of the measured load (and, for a backlog, the drain). */
	private static Recording startRecording() throws Exception {
		if (System.getProperty("bench.jfr") == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

	private static void stopRecording(Recording recording) throws Exception {
		if (recording != null) {
			recording.stop();
			recording.dump(Path.of(System.getProperty("bench.jfr")));
			recording.close();
		}
	}

}
