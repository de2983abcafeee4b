package org.linea.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an event for every webhook of the organisation that asked for it, in the transaction of the
 * change itself (so neither a crash nor a rollback separates the two), and delivers each one as a
 * db-scheduler task: signed, at least once, retried with growing waits, the same event id every time so
 * a receiver can drop repeats.
 */
@Component
class WebhookDeliveries {

	static final String SIGNATURE_HEADER = "X-Linea-Signature";

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final FieldCipher cipher;

	private final WebhookUrls urls;

	private final IntegrationProperties properties;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<OneTimeTask<Long>> deliveryTask;

	private final Clock clock;

	private final HttpClient http;

	WebhookDeliveries(JdbcClient jdbc, JsonMapper json, FieldCipher cipher, WebhookUrls urls, IntegrationProperties properties,
			ObjectProvider<SchedulerClient> scheduler, @org.springframework.beans.factory.annotation.Qualifier("webhookDeliveryTask") ObjectProvider<OneTimeTask<Long>> deliveryTask,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
		this.urls = urls;
		this.properties = properties;
		this.scheduler = scheduler;
		this.deliveryTask = deliveryTask;
		this.clock = clock;
		// never follow a redirect: it could lead a delivery into a private network
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** What one try came to. */
	enum Outcome {
		DELIVERED, RETRY, FAILED, NOTHING_TO_DO
	}

	/** The organisation's active webhooks subscribed to the event type. */
	List<Long> subscribed(long organisationId, WebhookEventType type) {
		return this.jdbc.sql("select id from integration_webhook where organisation_id = ? and active and ? = any(events)")
			.params(organisationId, type.wireName())
			.query(Long.class)
			.list();
	}

	// joins the transaction of the change that publishes the event
	@Transactional
	void enqueue(long organisationId, WebhookEventType type, String lineKey, Map<String, Object> data) {
		List<Long> webhooks = subscribed(organisationId, type);
		if (webhooks.isEmpty()) {
			return;
		}
		UUID eventId = UUID.randomUUID();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", eventId.toString());
		payload.put("type", type.wireName());
		payload.put("createdAt", Instant.now(this.clock).toString());
		payload.put("line", lineKey);
		payload.put("data", data);
		String body = this.json.writeValueAsString(payload);
		for (long webhook : webhooks) {
			long delivery = this.jdbc.sql("""
					insert into integration_delivery (webhook_id, event_id, event_type, payload) values (?, ?, ?, ?::jsonb) returning id
					""")
				.params(webhook, eventId, type.wireName(), body)
				.query(Long.class)
				.single();
			this.scheduler.getObject()
				.scheduleIfNotExists(this.deliveryTask.getObject().instance("delivery-" + delivery, delivery), Instant.now(this.clock));
		}
	}

	/** One try at delivering; RETRY asks the job to try again later. */
	Outcome deliver(long deliveryId) throws InterruptedException {
		Optional<Pending> found = this.jdbc.sql("""
				select d.payload::text, d.attempts, w.url, w.secret_encrypted, w.active, d.event_id, d.event_type
				from integration_delivery d join integration_webhook w on w.id = d.webhook_id
				where d.id = ? and d.status = 'PENDING'
				""")
			.param(deliveryId)
			.query((rs, n) -> new Pending(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5),
					rs.getString(6), rs.getString(7)))
			.optional();
		if (found.isEmpty()) {
			return Outcome.NOTHING_TO_DO;
		}
		Pending pending = found.get();
		if (!pending.active()) {
			return finish(deliveryId, pending, Outcome.FAILED, null, "the webhook was deactivated");
		}
		URI target;
		try {
			target = this.urls.check(pending.url());
		}
		catch (InvalidRequestException ex) {
			return finish(deliveryId, pending, Outcome.FAILED, null, ex.getMessage());
		}
		long timestamp = Instant.now(this.clock).getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Linea-Webhooks")
			.header("X-Linea-Event", pending.eventType())
			.header("X-Linea-Delivery", pending.eventId())
			.header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(this.cipher.decryptToString(pending.secret()), timestamp, pending.body()))
			.POST(HttpRequest.BodyPublishers.ofString(pending.body(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return finish(deliveryId, pending, Outcome.DELIVERED, status, null);
			}
			boolean worthRetrying = status == 408 || status == 429 || status >= 500;
			return finish(deliveryId, pending, worthRetrying ? Outcome.RETRY : Outcome.FAILED, status, "the receiver answered " + status);
		}
		catch (IOException ex) {
			return finish(deliveryId, pending, Outcome.RETRY, null, "no answer: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * {@code v1} of the signature header: HMAC-SHA256, keyed with the webhook's secret, of the
	 * timestamp, a dot and the exact body, in lowercase hex.
	 */
	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	private Outcome finish(long deliveryId, Pending pending, Outcome outcome, Integer status, String error) {
		int attempts = pending.attempts() + 1;
		Outcome settled = outcome == Outcome.RETRY && attempts >= this.properties.maxAttempts() ? Outcome.FAILED : outcome;
		String state = switch (settled) {
			case DELIVERED -> "DELIVERED";
			case FAILED -> "FAILED";
			default -> "PENDING";
		};
		this.jdbc.sql("""
				update integration_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,
				    delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end
				where id = ?
				""")
			.params(state, attempts, status, error, state, Timestamp.from(Instant.now(this.clock)), deliveryId)
			.update();
		if (settled == Outcome.FAILED) {
			log.warn("Webhook delivery failed for good delivery={} attempts={} reason={}", deliveryId, attempts, error);
		}
		return settled;
	}

	private record Pending(String body, int attempts, String url, byte[] secret, boolean active, String eventId, String eventType) {
	}

}
