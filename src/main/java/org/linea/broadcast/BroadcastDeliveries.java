package org.linea.broadcast;

import java.util.List;

import org.linea.channel.BulkMessage;
import org.linea.channel.BulkMessagesAccepted;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.MessageStatusChanged;
import org.linea.shared.events.InPublisherTransaction;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider's reports on broadcast messages, onto their recipients. Statuses only move forward;
 * a failure keeps the provider's code as its reason (131049, the per-person marketing cap, and
 * 131026, not on WhatsApp, are recorded and not sent again: the outbox never retries them).
 */
@Component
class BroadcastDeliveries {

	private final JdbcClient jdbc;

	private final InPublisherTransaction reactions;

	BroadcastDeliveries(JdbcClient jdbc, InPublisherTransaction reactions) {
		this.jdbc = jdbc;
		this.reactions = reactions;
	}

	/**
	 * Inside the outbox's transaction, on its connection (see ConversationService#statusChanged), in a
	 * savepoint: a failure here is undone and logged, and the outbox's own bookkeeping commits.
	 */
	@EventListener(condition = "#root.args[0].bulk()")
	void statusChanged(MessageStatusChanged event) {
		this.reactions.react("broadcast.statusChanged", event.messageId(), () -> recordStatus(event));
	}

	private void recordStatus(MessageStatusChanged event) {
		long reference = BulkMessage.referenceOf(event.messageId());
		if (SendSmsFallbacks.isFallback(reference)) {
			fallbackStatusChanged(reference - SendSmsFallbacks.REFERENCE_OFFSET, event);
			return;
		}
		boolean optedOut = event.status() == DeliveryStatus.FAILED && BulkMessage.OPTED_OUT.equals(event.errorCode());
		RecipientStatus status = optedOut ? RecipientStatus.SKIPPED_OPTED_OUT : RecipientStatus.of(event.status());
		List<RecipientStatus> from = RecipientStatus.before(event.status());
		if (from.isEmpty()) {
			return;
		}
		int moved = this.jdbc.sql("""
				update broadcast_recipient set status = ?, reason = coalesce(?, reason), updated_at = now()
				where id = ? and status = any(?)
				""")
			.params(status.name(), optedOut ? null : event.errorCode(), reference, from.stream().map(Enum::name).toArray(String[]::new))
			.update();
		if (moved == 1 && status == RecipientStatus.FAILED && SendSmsFallbacks.NOT_ON_WHATSAPP.equals(event.errorCode())) {
			// not on WhatsApp: SendSmsFallbacks decides about an SMS, from this row, even after a crash
			this.jdbc.sql("update broadcast_recipient set fallback_status = 'PENDING' where id = ? and fallback_status is null")
				.param(reference)
				.update();
		}
	}

	/**
	 * A batch of sends the provider took, onto their recipients in one statement (forward only, as
	 * {@link #statusChanged}); fallback SMSs among them one by one. In a savepoint like {@link #statusChanged}.
	 */
	@EventListener
	void accepted(BulkMessagesAccepted event) {
		this.reactions.react("broadcast.accepted", event.messageIds().isEmpty() ? 0 : event.messageIds().getFirst(),
				() -> recordAccepted(event));
	}

	private void recordAccepted(BulkMessagesAccepted event) {
		List<RecipientStatus> from = RecipientStatus.before(event.status());
		List<Long> references = event.messageIds().stream().map(BulkMessage::referenceOf).toList();
		references.stream().filter(SendSmsFallbacks::isFallback).forEach(reference -> fallbackStatusChanged(
				reference - SendSmsFallbacks.REFERENCE_OFFSET,
				new MessageStatusChanged(-reference, event.lineId(), event.status(), event.at(), null)));
		Long[] recipients = references.stream().filter(reference -> !SendSmsFallbacks.isFallback(reference)).toArray(Long[]::new);
		if (from.isEmpty() || recipients.length == 0) {
			return;
		}
		// locked in id order, as a cancel locks the campaign's waiting recipients, so the two never wait on each other in a cycle
		this.jdbc.sql("""
				update broadcast_recipient set status = ?, updated_at = now()
				where id in (select id from broadcast_recipient where id = any(?) and status = any(?) order by id for update)
				""")
			.params(RecipientStatus.of(event.status()).name(), recipients, from.stream().map(Enum::name).toArray(String[]::new))
			.update();
	}

	/** The SMS provider's report on a fallback SMS, onto its recipient's fallback status (forward only). */
	private void fallbackStatusChanged(long recipientId, MessageStatusChanged event) {
		List<String> from = switch (event.status()) {
			case QUEUED -> List.of();
			case SENT -> List.of("QUEUED");
			case DELIVERED -> List.of("QUEUED", "SENT");
			case READ -> List.of("QUEUED", "SENT", "DELIVERED");
			case FAILED -> List.of("QUEUED", "SENT");
		};
		if (from.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update broadcast_recipient set fallback_status = ?, fallback_reason = coalesce(?, fallback_reason), updated_at = now()
				where id = ? and fallback_status = any(?)
				""").params(event.status().name(), event.errorCode(), recipientId, from.toArray(String[]::new)).update();
	}

}
