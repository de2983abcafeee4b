package org.linea.integration;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.LineaUser;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import org.linea.shared.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's outgoing webhooks, kept by its administrators; the secret is shown once, at creation. */
@Service
public class IntegrationWebhooks {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final WebhookUrls urls;

	private final AuditLog audit;

	IntegrationWebhooks(JdbcClient jdbc, FieldCipher cipher, WebhookUrls urls, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.urls = urls;
		this.audit = audit;
	}

	public record Webhook(long id, String url, List<String> events, boolean active, Instant createdAt) {
	}

	/** A new webhook with the secret its receiver checks signatures with; the secret is never shown again. */
	public record CreatedWebhook(long id, String url, List<String> events, String secret) {
	}

	public record Delivery(long id, String eventId, String eventType, String status, int attempts, Integer lastStatus,
			String lastError, Instant createdAt, Instant deliveredAt) {
	}

	@Transactional
	public CreatedWebhook create(long organisationId, String url, List<String> events) {
		LineaUser me = Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		String checked = this.urls.check(url).toString();
		List<String> types = eventTypes(events);
		byte[] secretBytes = new byte[32];
		this.random.nextBytes(secretBytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
		long id = this.jdbc.sql("""
				insert into integration_webhook (organisation_id, url, secret_encrypted, events, created_by)
				values (?, ?, ?, ?::text[], ?) returning id
				""")
			.params(organisationId, checked, this.cipher.encrypt(secret), types.toArray(String[]::new), me.id())
			.query(Long.class)
			.single();
		this.audit.record(organisationId, "WEBHOOK_CREATED", "webhook", Long.toString(id), Map.of("url", checked, "events", types));
		return new CreatedWebhook(id, checked, types, secret);
	}

	@Transactional(readOnly = true)
	public List<Webhook> list(long organisationId) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		return this.jdbc.sql("select id, url, events, active, created_at from integration_webhook where organisation_id = ? order by id")
			.param(organisationId)
			.query((rs, n) -> new Webhook(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()), rs.getBoolean(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Stops a webhook: nothing more is delivered to it, deliveries under way end as failed. */
	@Transactional
	public void deactivate(long organisationId, long webhookId) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		int changed = this.jdbc.sql("update integration_webhook set active = false where id = ? and organisation_id = ?")
			.params(webhookId, organisationId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("error.missing.webhook", webhookId);
		}
		this.audit.record(organisationId, "WEBHOOK_DEACTIVATED", "webhook", Long.toString(webhookId), Map.of());
	}

	/** The webhook's latest deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(long organisationId, long webhookId, int limit) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		boolean ours = this.jdbc.sql("select exists (select 1 from integration_webhook where id = ? and organisation_id = ?)")
			.params(webhookId, organisationId)
			.query(Boolean.class)
			.single();
		if (!ours) {
			throw new NotFoundException("error.missing.webhook", webhookId);
		}
		return this.jdbc.sql("""
				select id, event_id, event_type, status, attempts, last_status, last_error, created_at, delivered_at
				from integration_delivery where webhook_id = ? order by id desc limit ?
				""")
			.params(webhookId, Math.clamp(limit, 1, 500))
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					(Integer) rs.getObject(6), rs.getString(7), rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9))))
			.list();
	}

	private static List<String> eventTypes(List<String> events) {
		if (events == null || events.isEmpty()) {
			throw new InvalidRequestException("error.integration.choose-events-receive", String.join(", ", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList()));
		}
		return events.stream()
			.map(name -> WebhookEventType.ofWireName(name)
				.orElseThrow(() -> new InvalidRequestException("error.integration.unknown-event", name))
				.wireName())
			.distinct()
			.toList();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
