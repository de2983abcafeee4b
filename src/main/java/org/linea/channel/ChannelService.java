package org.linea.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.linea.admin.Line;
import org.linea.contact.ContactService;
import org.linea.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door between providers and Linea. Inbound: the raw payload and the decoded message are stored in
 * one transaction before the provider gets its 200, and a provider's retry of the same message id is
 * acknowledged and ignored. Outbound: every message to a person is a row in the outbox, sent by
 * {@link DrainOutbox}.
 */
@Service
public class ChannelService {

	private static final Logger log = LoggerFactory.getLogger(ChannelService.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	ChannelService(JdbcClient jdbc, FieldCipher cipher, ContactService contacts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.contacts = contacts;
		this.events = events;
	}

	/** Stores what a provider delivered. Returns once it is durable; duplicates change nothing. */
	@Transactional
	public ReceiveResult receive(Line line, InboundMessage message, String rawPayload, String contentType) {
		long eventId = storeEvent(line, rawPayload, contentType, "ACCEPTED", null);
		Optional<Long> inboundId = this.jdbc.sql("""
				insert into channel_inbound_message (line_id, event_id, provider_message_id, sender_hash, sender_encrypted,
				    sender_name_encrypted, kind, body, media_ref, provider_timestamp)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (line_id, provider_message_id) do nothing
				returning id
				""")
			.params(line.id(), eventId, message.providerMessageId(), this.contacts.phoneHash(message.from()),
					this.cipher.encrypt(message.from()), this.cipher.encrypt(message.profileName()), message.kind().name(),
					message.text(), message.mediaRef(), message.sentAt() == null ? null : Timestamp.from(message.sentAt()))
			.query(Long.class)
			.optional();
		if (inboundId.isEmpty()) {
			this.jdbc.sql("update channel_inbound_event set outcome = 'DUPLICATE' where id = ?").param(eventId).update();
			long existing = this.jdbc.sql("select id from channel_inbound_message where line_id = ? and provider_message_id = ?")
				.params(line.id(), message.providerMessageId())
				.query(Long.class)
				.single();
			log.info("Duplicate delivery ignored line={} inbound={}", line.key(), existing);
			return new ReceiveResult(existing, true);
		}
		this.events.publishEvent(new InboundMessageStored(inboundId.get(), line.id()));
		return new ReceiveResult(inboundId.get(), false);
	}

	/** Keeps a payload that could not be understood, for inspection, and nothing else. */
	@Transactional
	public void reject(Line line, String rawPayload, String contentType, String reason) {
		storeEvent(line, rawPayload, contentType, "REJECTED", reason);
	}

	private long storeEvent(Line line, String rawPayload, String contentType, String outcome, String reason) {
		return this.jdbc.sql("""
				insert into channel_inbound_event (line_id, channel_type, content_type, payload_encrypted, outcome, reason)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(line.id(), line.channelType().name(), contentType,
					this.cipher.encrypt(rawPayload.getBytes(StandardCharsets.UTF_8)), outcome, reason)
			.query(Long.class)
			.single();
	}

	/**
	 * Serialises work on one sender: takes a transaction-scoped lock on the sender of this message and
	 * returns the sender's unprocessed messages up to this one, oldest first, so they are handled in the
	 * order the person wrote them. Empty when the message is already processed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> lockSenderOf(long inboundId) {
		Optional<byte[]> sender = this.jdbc.sql("select sender_hash from channel_inbound_message where id = ? and processed_at is null")
			.param(inboundId)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
		if (sender.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(ByteBuffer.wrap(sender.get()).getLong()).query().singleRow();
		return this.jdbc.sql("""
				select id from channel_inbound_message
				where line_id = (select line_id from channel_inbound_message where id = ?)
				  and sender_hash = ? and processed_at is null and id <= ?
				order by id
				""").params(inboundId, sender.get(), inboundId).query(Long.class).list();
	}

	/**
	 * Locks one unprocessed inbound message for the caller's transaction; empty when another worker holds
	 * it or it is already processed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<PendingInbound> lockPending(long inboundId) {
		return this.jdbc.sql("""
				select id, line_id, sender_encrypted, sender_name_encrypted, kind, body, media_ref, received_at
				from channel_inbound_message where id = ? and processed_at is null
				for update skip locked
				""").param(inboundId).query(this::pending).optional();
	}

	/** Ids of messages stored but not processed, oldest first: after a crash, the pipeline picks them up. */
	@Transactional(readOnly = true)
	public List<Long> unprocessed(Instant storedBefore, int limit) {
		return this.jdbc.sql("""
				select id from channel_inbound_message
				where processed_at is null and received_at < ? and attempts < 10
				order by id limit ?
				""").params(Timestamp.from(storedBefore), limit).query(Long.class).list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void markProcessed(long inboundId) {
		this.jdbc.sql("update channel_inbound_message set processed_at = now(), attempts = attempts + 1, last_error = null where id = ?")
			.param(inboundId)
			.update();
	}

	/** Counts a failed processing attempt; after ten the message waits for a person to look. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void markAttemptFailed(long inboundId, String error) {
		this.jdbc.sql("update channel_inbound_message set attempts = attempts + 1, last_error = ? where id = ?")
			.params(error, inboundId)
			.update();
	}

	/** Queues a message for sending; the caller's transaction makes the message and its delivery one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(OutboundMessage message) {
		this.jdbc.sql("""
				insert into channel_outbox (line_id, message_id, contact_id, body, media_ref) values (?, ?, ?, ?, ?)
				""").params(message.lineId(), message.messageId(), message.contactId(), message.body(), message.mediaRef()).update();
		this.events.publishEvent(new OutboxFilled(message.lineId()));
	}

	/** A provider's report on an outgoing message, in whatever order reports arrive. */
	@Transactional
	public void recordStatus(long lineId, String providerMessageId, DeliveryStatus status, Instant at, String errorCode) {
		this.jdbc.sql("select message_id from channel_outbox where line_id = ? and provider_message_id = ?")
			.params(lineId, providerMessageId)
			.query(Long.class)
			.optional()
			.ifPresentOrElse(
					messageId -> this.events.publishEvent(new MessageStatusChanged(messageId, lineId, status, at, errorCode)),
					() -> log.info("Status {} for an unknown message on line {}", status, lineId));
	}

	private PendingInbound pending(ResultSet rs, int row) throws SQLException {
		return new PendingInbound(rs.getLong("id"), rs.getLong("line_id"), this.cipher.decryptToString(rs.getBytes("sender_encrypted")),
				this.cipher.decryptToString(rs.getBytes("sender_name_encrypted")), MessageKind.valueOf(rs.getString("kind")),
				rs.getString("body"), rs.getString("media_ref"), rs.getTimestamp("received_at").toInstant());
	}

}
