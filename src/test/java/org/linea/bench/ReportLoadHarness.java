package org.linea.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.linea.access.Line;
import org.linea.access.Role;
import org.linea.shared.crypto.FieldCipher;
import org.linea.web.SignedInClient;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Report load harness (issue 6): the inbox harness's year of one line (100,000 interactions, 1,000,000
 * messages) with a coded feedback log, then times over HTTP the dashboard page, its chart data and the
 * weekly report for 7 and 365 days, and the .xlsx export of the whole year, with the heap it needed.
 * Run with {@code bench/report.sh}; see bench/README.md.
 */
public final class ReportLoadHarness {

	private ReportLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = InboxLoadHarness.start();
		try {
			run(app);
		}
		finally {
			app.close();
			System.exit(0);
		}
	}

	private static void run(ConfigurableApplicationContext app) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Line line = InboxLoadHarness.benchLine(app);
		long operator = InboxLoadHarness.benchUser(app, line, Role.OPERATOR);
		InboxLoadHarness.benchUser(app, line, Role.ANALYST);

		long started = System.nanoTime();
		InboxLoadHarness.seed(jdbc, app.getBean(FieldCipher.class), line, operator);
		seedLog(jdbc, line, operator);
		System.out.printf("Seeded %,d interactions, %,d messages and %,d log records in %.1f s%n",
				InboxLoadHarness.count(jdbc, "conversation_conversation"), InboxLoadHarness.count(jdbc, "conversation_message"),
				InboxLoadHarness.count(jdbc, "feedback_log"), (System.nanoTime() - started) / 1e9);

		SignedInClient browser = new SignedInClient(port).signIn("bench-analyst", InboxLoadHarness.PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
		String week = "scope=line:bench&from=" + today.minusDays(6) + "&to=" + today;
		String year = "scope=line:bench&from=" + today.minusDays(364) + "&to=" + today;
		System.out.printf("%nServer round trips over loopback (ms)%n");
		System.out.printf("%-42s %8s %8s %8s %8s%n", "request", "p50", "p95", "p99", "max");
		InboxLoadHarness.time("dashboard page, 7 days", i -> "/report/dashboard?" + week, browser);
		InboxLoadHarness.time("dashboard chart data, 7 days", i -> "/report/dashboard/data?" + week, browser);
		InboxLoadHarness.time("dashboard page, 365 days", i -> "/report/dashboard?" + year, browser);
		InboxLoadHarness.time("dashboard chart data, 365 days", i -> "/report/dashboard/data?" + year, browser);
		InboxLoadHarness.time("weekly report page", i -> "/report/weekly?scope=line:bench&from=" + today, browser);
		InboxLoadHarness.time("weekly report PDF", i -> "/report/weekly.pdf?scope=line:bench&from=" + today, browser);

		exportYear(port, browser, year);
	}

	/** A coded record per conversation: types, topics, answers, satisfaction and consented demographics spread over the year. */
	private static void seedLog(JdbcClient jdbc, Line line, long operator) {
		jdbc.sql("""
				insert into feedback_log (conversation_id, line_id, organisation_id, record_code, contact_id, returning_contact, channel,
				    language, opened_at, opened_day, opened_week, first_response_at, closed_at, answered_by, operator_ids, messages_in,
				    messages_bot, messages_operator, late, topics, info_types, feedback_type, coded_by, coded_at, satisfaction,
				    gender, age_range, location, migrant_status)
				select c.id, c.line_id, ?, c.contact_code || '-01', c.contact_id, c.id % 4 = 0, 'WHATSAPP', 'es', c.opened_at,
				    (c.opened_at at time zone 'America/Lima')::date,
				    date_trunc('week', c.opened_at at time zone 'America/Lima')::date,
				    case when c.id % 10 <> 0 then c.opened_at + (c.id % 90) * interval '1 minute' end, c.closed_at,
				    (array['BOT', 'PERSON', 'PERSON', 'NONE'])[1 + c.id % 4], array[?]::bigint[], 5, 2, 3, c.id % 7 = 0,
				    array[(array['salud', 'transferencias', 'migracion', 'vacunas', 'proteccion', 'alojamiento'])[1 + c.id % 6]],
				    array['GENERAL_INFORMATION'],
				    (array['QUESTION', 'QUESTION', 'COMPLAINT', 'COMMENT', 'SUGGESTION', 'APPRECIATION', 'RUMOUR', 'REQUEST_FOR_HELP'])[1 + c.id % 8],
				    ?, c.closed_at, case when c.id % 3 = 0 then 1 + c.id % 5 end,
				    case when c.id % 2 = 0 then (array['FEMALE', 'MALE', 'OTHER', 'PREFER_NOT_TO_SAY'])[1 + c.id % 4] end,
				    case when c.id % 2 = 0 then (array['18_29', '30_44', '45_59'])[1 + c.id % 3] end,
				    case when c.id % 2 = 0 then (array['Lima', 'Tumbes', 'Tacna', 'Piura'])[1 + c.id % 4] end,
				    case when c.id % 2 = 0 then 'MIGRANT_OR_REFUGEE' end
				from conversation_conversation c where c.line_id = ?
				""").params(line.organisationId(), operator, operator, line.id()).update();
		jdbc.sql("analyze feedback_log").update();
	}

	private static void exportYear(int port, SignedInClient browser, String year) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int run = 1; run <= 3; run++) {
			System.gc();
			MemoryPoolMXBean heapPeak = resetPeaks();
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/report/export/log.xlsx?" + year)).header("Cookie", browser.cookieHeader()).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long bytes;
			try (InputStream body = response.body()) {
				bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("export answered " + response.statusCode());
			}
			System.out.printf("%n.xlsx export of the year, run %d: %.2f s, %,d bytes, old-generation heap peak %,d MB%n", run, seconds,
					bytes, heapPeak == null ? -1 : heapPeak.getPeakUsage().getUsed() / (1024 * 1024));
		}
	}

	private static MemoryPoolMXBean resetPeaks() {
		MemoryPoolMXBean old = null;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
				if (pool.getName().contains("Old")) {
					old = pool;
				}
			}
		}
		return old;
	}

}
