package org.linea.channel;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.linea.access.ApiTokenService;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.web.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures a Grafana panel shows when sending falls behind, and their names on the Prometheus scrape. */
class QueueGaugesIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private DrainOutbox drain;

	@Autowired
	private QueueGauges gauges;

	@Autowired
	private ApiTokenService tokens;

	@Test
	void aReplyWaitingForTheSenderShowsAsDueAndLateUntilItIsSent() throws Exception {
		WhatsAppLine wa = whatsAppLine("sent");
		this.drain.halt();
		try {
			byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", randomDigits(), "ID",
					"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
			post("/webhooks/whatsapp/" + wa.line().key(), "application/json", inbound,
					Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), inbound)));
			eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status = 'PENDING'", wa.line().id()) >= 1,
					"the bot's reply waits in the outbox");
			Thread.sleep(1100);
			QueueGauges.Snapshot behind = this.gauges.read(Instant.now());
			assertThat(behind.outboxDue()).isPositive();
			assertThat(behind.outboxLagSeconds()).isGreaterThanOrEqualTo(1.0);
		}
		finally {
			this.drain.resume();
		}
		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status = 'PENDING'", wa.line().id()) == 0,
				"the reply is sent once the sender runs again");
		eventually(() -> this.gauges.read(Instant.now()).outboxDue() == 0, "nothing is due any more");

		HttpResponse<String> forged = post("/webhooks/whatsapp/" + wa.line().key(), "application/json", "{}".getBytes(StandardCharsets.UTF_8),
				Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)));
		assertThat(forged.statusCode()).isGreaterThanOrEqualTo(400);

		HttpResponse<String> scrape = new ApiClient(this.port, this.tokens.create(administrator().id(), "metrics"))
			.get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("linea_inbound_pending ", "linea_outbox_due ", "linea_outbox_lag_seconds ",
				"http_server_requests_seconds_bucket{");
		// every Linea series the shipped Grafana dashboard plots is on the scrape
		String dashboard = Files.readString(Path.of("deploy/grafana/linea-dashboard.json"));
		Matcher series = Pattern.compile("linea_[a-z_]+").matcher(dashboard);
		int plotted = 0;
		while (series.find()) {
			plotted++;
			assertThat(scrape.body()).as(series.group()).contains(series.group());
		}
		assertThat(plotted).isGreaterThanOrEqualTo(6);
	}

}
