package org.linea.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.BulkMessage;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.contact.ConsentEvent;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People WhatsApp could not reach (131026: not on WhatsApp, an old client...) get the broadcast by the
 * organisation's SMS line, where their consent allows. {@link BroadcastDeliveries} marks the recipient
 * PENDING in the same transaction as the failure, so a node killed in between loses nobody; this job
 * then, one recipient row locked at a time, either queues the SMS (QUEUED, then the SMS provider's
 * reports: SENT, DELIVERED or FAILED) or records why not (SKIPPED_NO_SMS_LINE, SKIPPED_NO_CONSENT,
 * SKIPPED_NO_NUMBER, SKIPPED_NO_TEXT). Either way it is decided once and never sent twice: the SMS is
 * a {@link BulkMessage} whose reference is the recipient's id plus {@link #REFERENCE_OFFSET}.
 * <p>
 * Consent: the person must still consent on the WhatsApp line to the broadcast's purpose, and must not
 * have opted out of, refused or withdrawn it on the SMS line. When the SMS line never asked them, the
 * consent they gave is carried over to it in the ledger (source {@code fallback:<code>}, the same
 * wording version), which is the evidence the outbox checks again before sending.
 */
@Component
class SendSmsFallbacks {

	private static final Logger log = LoggerFactory.getLogger(SendSmsFallbacks.class);

	/** Added to a recipient's id for its SMS: bulk references of recipients stay below it, fallbacks above. */
	static final long REFERENCE_OFFSET = 1_000_000_000_000_000L;

	/** The WhatsApp error for a number that cannot receive WhatsApp messages. */
	static final String NOT_ON_WHATSAPP = "131026";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LineService lines;

	private final ContactService contacts;

	private final ChannelService channels;

	private final BroadcastService broadcasts;

	private final BroadcastContent content;

	private final Clock clock;

	SendSmsFallbacks(JdbcClient jdbc, TransactionTemplate transactions, LineService lines, ContactService contacts,
			ChannelService channels, BroadcastService broadcasts, BroadcastContent content, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lines = lines;
		this.contacts = contacts;
		this.channels = channels;
		this.broadcasts = broadcasts;
		this.content = content;
		this.clock = clock;
	}

	static boolean isFallback(long reference) {
		return reference > REFERENCE_OFFSET;
	}

	@Scheduled(fixedDelayString = "${linea.broadcasts.fallback-interval:1s}")
	void sendPending() {
		try {
			List<Long> pending = this.jdbc.sql("select id from broadcast_recipient where fallback_status = 'PENDING' order by id limit 500")
				.query(Long.class)
				.list();
			for (long id : pending) {
				this.transactions.executeWithoutResult(status -> decide(id));
			}
		}
		catch (RuntimeException ex) {
			log.error("SMS fallback round failed: {}", ex.getMessage(), ex);
		}
	}

	/** Queues the recipient's SMS or records why there is none. */
	void decide(long recipientId) {
		Optional<long[]> row = this.jdbc.sql("""
				select campaign_id, line_id, contact_id from broadcast_recipient where id = ? and fallback_status = 'PENDING'
				for update skip locked
				""").param(recipientId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).optional();
		if (row.isEmpty()) {
			return;
		}
		Line line = this.lines.get(row.get()[1]);
		long contactId = row.get()[2];
		Broadcast broadcast = this.broadcasts.read(row.get()[0], line);
		String purpose = broadcast.consentPurpose();
		Optional<Line> smsLine = this.lines.all()
			.stream()
			.filter(l -> l.organisationId() == line.organisationId() && this.channels.facts(l).sms() && l.active())
			.findFirst();
		if (smsLine.isEmpty()) {
			settle(recipientId, "SKIPPED_NO_SMS_LINE", null);
			return;
		}
		if (!this.contacts.consents(contactId, purpose)) {
			settle(recipientId, "SKIPPED_NO_CONSENT", smsLine.get().id());
			return;
		}
		String address;
		try {
			address = this.contacts.addressOf(contactId);
		}
		catch (NotFoundException ex) {
			settle(recipientId, "SKIPPED_NO_NUMBER", smsLine.get().id());
			return;
		}
		String phone = address.startsWith("+") ? address : "+" + address;
		Contact person = this.contacts.get(contactId);
		Optional<String> text = smsText(line, smsLine.get(), broadcast, person.language());
		if (text.isEmpty()) {
			settle(recipientId, "SKIPPED_NO_TEXT", smsLine.get().id());
			return;
		}
		Optional<Contact> existing = this.contacts.find(smsLine.get().id(), this.contacts.phoneHash(phone));
		if (existing.isPresent() && (existing.get().optedOutAt() != null || said(existing.get().id(), purpose, ConsentEvent.REFUSED,
				ConsentEvent.WITHDRAWN))) {
			settle(recipientId, "SKIPPED_NO_CONSENT", smsLine.get().id());
			return;
		}
		Contact smsContact = existing.orElseGet(() -> this.contacts.findOrCreateImported(smsLine.get(), phone, person.language()));
		if (!this.contacts.consents(smsContact.id(), purpose)) {
			String wording = this.jdbc.sql("""
					select wording_version from contact_consent_event where contact_id = ? and purpose = ? and event = 'GIVEN'
					order by occurred_at desc, id desc limit 1
					""").params(contactId, purpose).query(String.class).optional().orElse(null);
			this.contacts.recordConsent(smsContact.id(), purpose, ConsentEvent.GIVEN, wording, "fallback:" + person.code());
		}
		this.channels.enqueueBulk(List.of(new BulkMessage(recipientId + REFERENCE_OFFSET, smsLine.get().id(), smsContact.id(), purpose,
				OutboundContent.text(text.get()))));
		this.jdbc.sql("""
				update broadcast_recipient set fallback_status = 'QUEUED', fallback_line_id = ?, fallback_at = ?, updated_at = now() where id = ?
				""").params(smsLine.get().id(), Timestamp.from(Instant.now(this.clock)), recipientId).update();
		log.info("Broadcast {}: recipient {} is not on WhatsApp, sent by SMS on line {}", broadcast.id(), recipientId, smsLine.get().key());
	}

	/**
	 * The broadcast as the SMS line says it: its text, or the SMS line's own version of the key message in the
	 * person's language; a template-only broadcast is sent as the approved template's wording.
	 */
	private Optional<String> smsText(Line line, Line smsLine, Broadcast broadcast, String language) {
		BroadcastMessage message = broadcast.message();
		if (message.text() != null || message.entry() != null) {
			try {
				BroadcastContent.Contents contents = this.content.of(smsLine, new BroadcastMessage(message.text(), null, message.entry()));
				return contents.text(language, smsLine.defaultLanguage()).map(OutboundContent.Text::body);
			}
			catch (InvalidRequestException ex) {
				return Optional.empty(); // the SMS line's bank has no validated version of the key message
			}
		}
		if (message.template() != null) {
			try {
				return Optional.ofNullable(this.content.of(line, message).template()).map(OutboundContent.Template::preview);
			}
			catch (InvalidRequestException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private boolean said(long contactId, String purpose, ConsentEvent... events) {
		String latest = this.jdbc.sql("""
				select event from contact_consent_event where contact_id = ? and purpose in (?, 'ALL_MESSAGES')
				order by occurred_at desc, id desc limit 1
				""").params(contactId, purpose).query(String.class).optional().orElse("");
		return List.of(events).stream().anyMatch(e -> e.name().equals(latest));
	}

	private void settle(long recipientId, String status, Long smsLineId) {
		this.jdbc.sql("update broadcast_recipient set fallback_status = ?, fallback_line_id = ?, updated_at = now() where id = ?")
			.params(status, smsLineId, recipientId)
			.update();
	}

}
