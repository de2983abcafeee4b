package org.linea.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.ContactKeys;
import org.linea.contact.ContactService;
import org.linea.shared.crypto.FieldCipher;
import org.linea.shared.db.StorableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

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

	private final ContactKeys keys;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	private final LineService lines;

	private final ChannelAdapters adapters;

	private final ChannelAccounts accounts;

	private final InboundMedia media;

	private final ChannelMetrics metrics;

	private final JsonMapper json;

	private final Clock clock;

	ChannelService(JdbcClient jdbc, FieldCipher cipher, ContactKeys keys, ContactService contacts, ApplicationEventPublisher events,
			LineService lines, ChannelAdapters adapters, ChannelAccounts accounts, InboundMedia media, ChannelMetrics metrics,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.keys = keys;
		this.contacts = contacts;
		this.events = events;
		this.lines = lines;
		this.adapters = adapters;
		this.accounts = accounts;
		this.media = media;
		this.metrics = metrics;
		this.json = json;
		this.clock = clock;
	}

	/** Stores what a provider delivered. Returns once it is durable; duplicates change nothing. */
	@Transactional
	public ReceiveResult receive(Line line, InboundMessage message, String rawPayload, String contentType) {
		return ingest(line, rawPayload, contentType, List.of(message), List.of()).getFirst();
	}

	/**
	 * Stores one webhook call: its raw payload once, each new message, each new delivery report, in one
	 * transaction. A provider's retry of a message or report is acknowledged and ignored. Text the
	 * database cannot keep is replaced visibly (see {@link StorableText}), so such a character never
	 * loses the call; the raw payload keeps the original bytes.
	 */
	@Transactional
	public List<ReceiveResult> ingest(Line line, String rawPayload, String contentType, List<InboundMessage> messages,
			List<DeliveryReport> reports) {
		// each sender's data key is read once per call: the payload and the message fields share it
		Map<String, ContactKeys.Sealer> sealers = new HashMap<>();
		// the payload is the first sender's data: encrypted with their key, it goes when they are erased
		ContactKeys.Sealer payloadKey = messages.isEmpty() ? null : sealer(line, messages.getFirst().from(), sealers);
		long eventId = storeEvent(line, rawPayload, contentType, "ACCEPTED", null, payloadKey);
		List<ReceiveResult> results = new ArrayList<>();
		for (InboundMessage message : messages) {
			results.add(store(line, eventId, message.storable(), sealers));
		}
		reports.forEach(report -> recordStatus(line, report.storable()));
		if (!messages.isEmpty() && results.stream().allMatch(ReceiveResult::duplicate)) {
			this.jdbc.sql("update channel_inbound_event set outcome = 'DUPLICATE' where id = ?").param(eventId).update();
		}
		return results;
	}

	private ContactKeys.Sealer sealer(Line line, String from, Map<String, ContactKeys.Sealer> sealers) {
		return sealers.computeIfAbsent(from, sender -> this.keys.sealerFor(line.id(), this.contacts.phoneHash(sender)));
	}

	private ReceiveResult store(Line line, long eventId, InboundMessage message, Map<String, ContactKeys.Sealer> sealers) {
		Optional<Long> existing = this.jdbc.sql("select id from channel_inbound_message where line_id = ? and provider_message_id = ?")
			.params(line.id(), message.providerMessageId())
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			log.info("Duplicate delivery ignored line={} inbound={}", line.key(), existing.get());
			return new ReceiveResult(existing.get(), true);
		}
		byte[] senderHash = this.contacts.phoneHash(message.from());
		ContactKeys.Sealer key = sealer(line, message.from(), sealers);
		Optional<Long> inboundId = this.jdbc.sql("""
				insert into channel_inbound_message (line_id, event_id, provider_message_id, sender_hash, sender_encrypted,
				    sender_name_encrypted, kind, body, media_ref, provider_timestamp, sender_user_id_encrypted)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (line_id, provider_message_id) do nothing
				returning id
				""")
			.params(line.id(), eventId, message.providerMessageId(), senderHash, key.seal(message.from()),
					key.seal(message.profileName()), message.kind().name(), message.text(),
					this.media.reference(line, message.attachment(), key.keyId()),
					message.sentAt() == null ? null : Timestamp.from(message.sentAt()), key.seal(message.userId()))
			.query(Long.class)
			.optional();
		if (inboundId.isEmpty()) {
			// a concurrent delivery of the same message won the insert
			return new ReceiveResult(this.jdbc.sql("select id from channel_inbound_message where line_id = ? and provider_message_id = ?")
				.params(line.id(), message.providerMessageId()).query(Long.class).single(), true);
		}
		this.events.publishEvent(new InboundMessageStored(inboundId.get(), line.id()));
		return new ReceiveResult(inboundId.get(), false);
	}

	/** Keeps a payload that could not be understood, for inspection, and nothing else. */
	@Transactional
	public void reject(Line line, String rawPayload, String contentType, String reason) {
		storeEvent(line, rawPayload, contentType, "REJECTED", reason, null);
	}

	private long storeEvent(Line line, String rawPayload, String contentType, String outcome, String reason, ContactKeys.Sealer key) {
		byte[] payload = rawPayload.getBytes(StandardCharsets.UTF_8);
		return this.jdbc.sql("""
				insert into channel_inbound_event (line_id, channel_type, content_type, payload_encrypted, outcome, reason)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(line.id(), line.channelType().name(), StorableText.of(contentType),
					key == null ? this.cipher.encrypt(payload) : key.seal(payload), outcome,
					StorableText.of(reason))
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
				select id, line_id, sender_encrypted, sender_name_encrypted, kind, body, media_ref, received_at, sender_user_id_encrypted
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
			.params(StorableText.of(error), inboundId)
			.update();
	}

	/**
	 * Queues a message for sending; the caller's transaction makes the message and its delivery one. A
	 * text longer than the channel carries in one message is split at sentence or word ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(OutboundMessage message) {
		insertParts(facts(message.lineId()), message.messageId(), message.lineId(), message.contactId(), message.content(), null);
		this.events.publishEvent(new OutboxFilled(message.lineId(), false));
	}

	/**
	 * Queues messages sent to many people at once (broadcasts), in the caller's transaction. They share
	 * the line's rate with conversations but always go after replies to people writing in, and one
	 * that reaches someone who opted out or withdrew that consent since it was queued is not sent. Their status reports come
	 * back as {@link MessageStatusChanged} naming {@link BulkMessage#messageId()}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueueBulk(List<BulkMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		Map<Long, ChannelFacts> facts = new HashMap<>();
		List<OutboxPart> parts = new ArrayList<>();
		for (BulkMessage message : messages) {
			parts.addAll(parts(facts.computeIfAbsent(message.lineId(), this::facts), message.messageId(), message.lineId(),
					message.contactId(), message.content(), message.consentPurpose()));
		}
		// one statement for the whole top-up: at 1,000/s a row at a time kept the feed behind the sender
		this.jdbc.sql("""
				insert into channel_outbox (line_id, message_id, part, contact_id, body, content, segments, bulk, consent_purpose)
				select p.line_id, p.message_id, p.part, p.contact_id, p.body, p.content::jsonb, p.segments, p.consent_purpose is not null,
				    p.consent_purpose
				from unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[])
				    as p(line_id, message_id, part, contact_id, body, content, segments, consent_purpose)
				""")
			.params(parts.stream().map(OutboxPart::lineId).toArray(Long[]::new),
					parts.stream().map(OutboxPart::messageId).toArray(Long[]::new),
					parts.stream().map(OutboxPart::part).toArray(Integer[]::new),
					parts.stream().map(OutboxPart::contactId).toArray(Long[]::new),
					parts.stream().map(OutboxPart::body).toArray(String[]::new),
					parts.stream().map(OutboxPart::content).toArray(String[]::new),
					parts.stream().map(OutboxPart::segments).toArray(Integer[]::new),
					parts.stream().map(OutboxPart::consentPurpose).toArray(String[]::new))
			.update();
		messages.stream().map(BulkMessage::lineId).distinct().forEach(lineId -> this.events.publishEvent(new OutboxFilled(lineId, true)));
	}

	private ChannelFacts facts(long lineId) {
		return this.adapters.facts(this.lines.get(lineId).channelType());
	}

	/** @param consentPurpose null for conversation messages; for bulk ones, the consent they need */
	private void insertParts(ChannelFacts facts, long messageId, long lineId, long contactId, OutboundContent message,
			String consentPurpose) {
		for (OutboxPart part : parts(facts, messageId, lineId, contactId, message, consentPurpose)) {
			this.jdbc.sql("""
					insert into channel_outbox (line_id, message_id, part, contact_id, body, content, segments, bulk, consent_purpose)
					values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
					""")
				.params(part.lineId(), part.messageId(), part.part(), part.contactId(), part.body(), part.content(), part.segments(),
						consentPurpose != null, consentPurpose)
				.update();
		}
	}

	/** The outbox rows of a message: one, or one per SMS part of a text too long for one. */
	private List<OutboxPart> parts(ChannelFacts facts, long messageId, long lineId, long contactId, OutboundContent message,
			String consentPurpose) {
		List<OutboundContent> contents = message instanceof OutboundContent.Text text && text.body().length() > facts.maxTextLength()
				? SmsSegments.split(text.body(), facts.maxTextLength()).stream().<OutboundContent>map(OutboundContent.Text::new).toList()
				: List.of(message);
		List<OutboxPart> parts = new ArrayList<>();
		for (int part = 0; part < contents.size(); part++) {
			OutboundContent content = contents.get(part);
			parts.add(new OutboxPart(lineId, messageId, part + 1, contactId, content.preview(), this.json.writeValueAsString(content),
					facts.sms() ? SmsSegments.of(content.preview()).segments() : null, consentPurpose));
		}
		return parts;
	}

	private record OutboxPart(long lineId, long messageId, int part, long contactId, String body, String content, Integer segments,
			String consentPurpose) {
	}

	/**
	 * A provider's report on an outgoing message, in whatever order and as often as reports arrive. A
	 * report for a message whose send call has not returned yet is tied to it by the echoed reference,
	 * or kept until the send returns.
	 */
	@Transactional
	public void recordStatus(Line line, DeliveryReport report) {
		lockProviderId(line.id(), report.providerMessageId());
		boolean fresh = this.jdbc.sql("""
				insert into channel_delivery_report (line_id, provider_message_id, status, error_code, occurred_at)
				values (?, ?, ?, ?, ?) on conflict do nothing
				""").params(line.id(), report.providerMessageId(), report.status().name(), report.errorCode(),
				Timestamp.from(report.at())).update() > 0;
		if (!fresh) {
			return;
		}
		this.metrics.status(line.channelType(), report.status(), report.errorCode());
		Optional<Long> messageId = this.jdbc.sql("select message_id from channel_outbox where line_id = ? and provider_message_id = ?")
			.params(line.id(), report.providerMessageId())
			.query(Long.class)
			.optional()
			.or(() -> claimByReference(line, report));
		messageId.ifPresentOrElse(
				id -> this.events.publishEvent(new MessageStatusChanged(id, line.id(), report.status(), report.at(), report.errorCode())),
				() -> log.info("Status {} kept for a message not yet known on line {}", report.status(), line.key()));
	}

	/**
	 * Many reports as {@link #recordStatus} records each, in the caller's transaction, with one statement
	 * per step for all of them (a webhook writer's batch): the provider ids locked (in one order, so two
	 * batches never wait on each other crosswise), the new reports inserted, their outbox rows found. A
	 * report whose outbox row is not known by its provider id yet is tied by its reference one by one
	 * (a send whose call has not returned: rare).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void recordStatuses(List<Reported> reported) {
		if (reported.size() < 2) {
			reported.forEach(each -> recordStatus(each.line(), each.report()));
			return;
		}
		String[] locks = reported.stream().map(each -> each.line().id() + ":" + each.report().providerMessageId()).distinct().sorted()
			.toArray(String[]::new);
		this.jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (select unnest(?::text[]) k order by 1) keys")
			.param(locks).query().singleRow();
		Map<ReportKey, Boolean> inserted = new HashMap<>();
		this.jdbc.sql("""
				insert into channel_delivery_report (line_id, provider_message_id, status, error_code, occurred_at)
				select line_id, provider_message_id, status, error_code, occurred_at::timestamptz
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) as r (line_id, provider_message_id, status, error_code, occurred_at)
				on conflict do nothing
				returning line_id, provider_message_id, status
				""")
			.params(reported.stream().map(each -> each.line().id()).toArray(Long[]::new),
					reported.stream().map(each -> each.report().providerMessageId()).toArray(String[]::new),
					reported.stream().map(each -> each.report().status().name()).toArray(String[]::new),
					reported.stream().map(each -> each.report().errorCode()).toArray(String[]::new),
					reported.stream().map(each -> each.report().at().toString()).toArray(String[]::new))
			.query((rs, n) -> inserted.put(new ReportKey(rs.getLong(1), rs.getString(2), rs.getString(3)), Boolean.TRUE))
			.list();
		// the first of the same report twice in the batch is the fresh one, as one by one
		List<Reported> fresh = reported.stream().filter(each -> inserted.remove(ReportKey.of(each)) != null).toList();
		Map<ReportKey, Long> outboxMessages = new HashMap<>();
		if (!fresh.isEmpty()) {
			this.jdbc.sql("""
					select o.line_id, o.provider_message_id, o.message_id from channel_outbox o
					join (select distinct * from unnest(?::bigint[], ?::text[])) as r (line_id, provider_message_id)
					  on o.line_id = r.line_id and o.provider_message_id = r.provider_message_id
					""")
				.params(fresh.stream().map(each -> each.line().id()).toArray(Long[]::new),
						fresh.stream().map(each -> each.report().providerMessageId()).toArray(String[]::new))
				.query((rs, n) -> outboxMessages.put(new ReportKey(rs.getLong(1), rs.getString(2), null), rs.getLong(3)))
				.list();
		}
		List<MessageStatusChanged> bulk = new ArrayList<>();
		for (Reported each : fresh) {
			Line line = each.line();
			DeliveryReport report = each.report();
			this.metrics.status(line.channelType(), report.status(), report.errorCode());
			ReportKey message = new ReportKey(line.id(), report.providerMessageId(), null);
			Optional<Long> messageId = Optional.ofNullable(outboxMessages.get(message)).or(() -> claimByReference(line, report));
			// a claim ties the row to its provider id: the batch's next report on it finds it, as one by one
			messageId.ifPresent(id -> outboxMessages.put(message, id));
			messageId.map(id -> new MessageStatusChanged(id, line.id(), report.status(), report.at(), report.errorCode()))
				.ifPresentOrElse(changed -> {
					if (changed.bulk()) {
						bulk.add(changed);
					}
					else {
						this.events.publishEvent(changed);
					}
				}, () -> log.info("Status {} kept for a message not yet known on line {}", report.status(), line.key()));
		}
		// a broadcast's reports together: one reaction for the batch (bench/README "Session 11 (helper h13s)")
		if (!bulk.isEmpty()) {
			this.events.publishEvent(new BulkMessagesReported(bulk));
		}
	}

	/** A delivery report with the line it came on. */
	record Reported(Line line, DeliveryReport report) {
	}

	private record ReportKey(long lineId, String providerMessageId, String status) {

		static ReportKey of(Reported reported) {
			return new ReportKey(reported.line().id(), reported.report().providerMessageId(), reported.report().status().name());
		}

	}

	/**
	 * The send call for this outbox row has not returned (or never will): the report names the provider's
	 * id. A row marked SENT here stays so: the call's late answer and its timeout only note their outcome.
	 */
	private Optional<Long> claimByReference(Line line, DeliveryReport report) {
		Long outboxId = ChannelAdapter.Delivery.outboxIdOf(report.reference());
		if (outboxId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update channel_outbox set provider_message_id = ?, status = 'SENT', sent_at = coalesce(sent_at, now()), locked_until = null
				where id = ? and line_id = ? and provider_message_id is null
				  and status in ('PENDING', 'CLAIMED', 'SENDING', 'UNCONFIRMED', 'FAILED')
				returning message_id
				""").params(report.providerMessageId(), outboxId, line.id()).query(Long.class).optional();
	}

	/**
	 * Serialises, until commit, the two ways a provider id meets its message: a status report and the
	 * send call's answer. Without it each could miss the other's uncommitted row and a report be lost.
	 */
	void lockProviderId(long lineId, String providerMessageId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(lineId + ":" + providerMessageId).query().singleRow();
	}

	/** Reports that arrived before the send call returned with this provider id, to apply now. */
	@Transactional(readOnly = true)
	List<DeliveryReport> reportsFor(long lineId, String providerMessageId) {
		return this.jdbc.sql("""
				select status, occurred_at, error_code from channel_delivery_report
				where line_id = ? and provider_message_id = ? order by occurred_at
				""").params(lineId, providerMessageId)
			.query((rs, row) -> new DeliveryReport(providerMessageId, null, DeliveryStatus.valueOf(rs.getString(1)),
					rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list();
	}

	/** How long after a person's last message free-form replies may go on this line's channel; null when always. */
	public Duration replyWindowLength(Line line) {
		return facts(line).replyWindow();
	}

	/** What the line's channel allows: SMS or not, reply window, text length, rate. */
	public ChannelFacts facts(Line line) {
		return this.adapters.facts(line.channelType());
	}

	/** Whether free-form messages may go to this contact now. */
	@Transactional(readOnly = true)
	public ReplyWindow replyWindow(Line line, long contactId) {
		if (replyWindowLength(line) == null) {
			return replyWindowAfter(line, null);
		}
		// the person may have written from their number or, with the number withheld, as their BSUID
		Optional<Timestamp> last = this.contacts.senderHashes(contactId)
			.stream()
			.map(sender -> this.jdbc.sql("select max(received_at) from channel_inbound_message where line_id = ? and sender_hash = ?")
				.params(line.id(), sender)
				.query(Timestamp.class)
				.optional())
			.flatMap(Optional::stream)
			.max(Timestamp::compareTo);
		return replyWindowAfter(line, last.map(Timestamp::toInstant).orElse(null));
	}

	/**
	 * The reply window after the person's last message on this line, for a caller that already knows
	 * when that was (the inbox's queue, from the conversation).
	 * @param lastInbound when the person last wrote, null if never
	 */
	public ReplyWindow replyWindowAfter(Line line, Instant lastInbound) {
		Instant now = Instant.now(this.clock);
		Duration window = replyWindowLength(line);
		if (window == null) {
			return new ReplyWindow(false, null, now);
		}
		return new ReplyWindow(true, lastInbound == null ? null : lastInbound.plus(window), now);
	}

	/** GSM-7 / UCS-2 segments of a text on an SMS line; empty on other channels. */
	public Optional<SmsSegments> segments(Line line, String text) {
		return facts(line).sms() && text != null ? Optional.of(SmsSegments.of(text)) : Optional.empty();
	}

	/** Templates the line may send outside the reply window: those its provider approved. */
	public List<MessageTemplate> templates(Line line) {
		return this.accounts.templates(line.id()).stream().filter(MessageTemplate::approved).toList();
	}

	/**
	 * The line's template of this name (or Twilio friendly name) and language, whatever its status; the
	 * language may be null for any. For refusing with the reason: unknown, or known but not approved.
	 */
	public Optional<MessageTemplate> template(Line line, String name, String language) {
		return this.accounts.templates(line.id()).stream().filter(t -> t.named(name, language)).findFirst();
	}

	/** What to show for a message's media reference; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<Attachment> attachment(String mediaRef) {
		return this.media.describe(mediaRef);
	}

	private PendingInbound pending(ResultSet rs, int row) throws SQLException {
		return new PendingInbound(rs.getLong("id"), rs.getLong("line_id"), this.keys.decryptToString(rs.getBytes("sender_encrypted")),
				this.keys.decryptToString(rs.getBytes("sender_name_encrypted")), MessageKind.valueOf(rs.getString("kind")),
				rs.getString("body"), rs.getString("media_ref"), rs.getTimestamp("received_at").toInstant(),
				this.keys.decryptToString(rs.getBytes("sender_user_id_encrypted")));
	}

}
