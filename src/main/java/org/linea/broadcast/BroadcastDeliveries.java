package org.linea.broadcast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.channel.BulkMessage;
import org.linea.channel.BulkMessagesAccepted;
import org.linea.channel.BulkMessagesReported;
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
		RecipientReport report = RecipientReport.of(event);
		if (report.from().isEmpty()) {
			return;
		}
		int moved = this.jdbc.sql("""
				update broadcast_recipient set status = ?, reason = coalesce(?, reason), updated_at = now()
				where id = ? and status = any(?)
				""")
			.params(report.status().name(), report.reason(), reference, report.from().stream().map(Enum::name).toArray(String[]::new))
			.update();
		if (moved == 1 && report.fallback()) {
			this.jdbc.sql("update broadcast_recipient set fallback_status = 'PENDING' where id = ? and fallback_status is null")
				.param(reference)
				.update();
		}
	}

	/**
	 * A webhook batch's reports on broadcast messages, as {@link #statusChanged} applies each, in one savepoint
	 * and one statement per round (a recipient's second report in the batch in the second round, so each
	 * recipient's reports apply in the order they came). Should the batch's reaction fail, each report is
	 * applied on its own, so one that fails is undone alone, as before.
	 */
	@EventListener
	void reported(BulkMessagesReported event) {
		if (!this.reactions.react("broadcast.reported", event.reports().getFirst().messageId(), () -> recordReported(event.reports()))) {
			event.reports().forEach(this::statusChanged);
		}
	}

	private void recordReported(List<MessageStatusChanged> reports) {
		Map<Long, List<MessageStatusChanged>> byRecipient = new LinkedHashMap<>();
		for (MessageStatusChanged report : reports) {
			long reference = BulkMessage.referenceOf(report.messageId());
			if (SendSmsFallbacks.isFallback(reference)) {
				fallbackStatusChanged(reference - SendSmsFallbacks.REFERENCE_OFFSET, report);
			}
			else if (!RecipientStatus.before(report.status()).isEmpty()) {
				byRecipient.computeIfAbsent(reference, r -> new ArrayList<>()).add(report);
			}
		}
		for (int round = 0; !byRecipient.isEmpty(); round++) {
			int index = round;
			List<Long> ids = new ArrayList<>();
			List<MessageStatusChanged> changes = new ArrayList<>();
			byRecipient.forEach((id, each) -> {
				ids.add(id);
				changes.add(each.get(index));
			});
			byRecipient.values().removeIf(each -> each.size() == index + 1);
			recordRound(ids, changes);
		}
	}

	/** One report per recipient, as {@link #recordStatus} applies each; rows locked in id order as {@link #recordAccepted} does. */
	private void recordRound(List<Long> ids, List<MessageStatusChanged> changes) {
		int n = ids.size();
		String[] statuses = new String[n];
		String[] reasons = new String[n];
		String[] from = new String[n];
		Boolean[] fallback = new Boolean[n];
		for (int i = 0; i < n; i++) {
			RecipientReport report = RecipientReport.of(changes.get(i));
			statuses[i] = report.status().name();
			reasons[i] = report.reason();
			from[i] = String.join(",", report.from().stream().map(Enum::name).toList());
			fallback[i] = report.fallback();
		}
		this.jdbc.sql("""
				with report as (
				    select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[]) as u (id, status, reason, from_statuses, fallback)
				)
				update broadcast_recipient r
				set status = report.status, reason = coalesce(report.reason, r.reason), updated_at = now(),
				    fallback_status = case when report.fallback and r.fallback_status is null then 'PENDING' else r.fallback_status end
				from report
				where r.id = report.id and r.status = any(string_to_array(report.from_statuses, ','))
				  and r.id in (select b.id from broadcast_recipient b join report on report.id = b.id
				               where b.status = any(string_to_array(report.from_statuses, ',')) order by b.id for update of b)
				""")
			.params(ids.toArray(Long[]::new), statuses, reasons, from, fallback)
			.update();
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

	/**
	 * What a provider's report does to a recipient's row: the status it moves to, from which, the reason kept,
	 * and whether an SMS fallback is to be decided (not on WhatsApp: SendSmsFallbacks decides about an SMS from
	 * this row, even after a crash).
	 */
	private record RecipientReport(RecipientStatus status, List<RecipientStatus> from, String reason, boolean fallback) {

		static RecipientReport of(MessageStatusChanged change) {
			boolean optedOut = change.status() == DeliveryStatus.FAILED && BulkMessage.OPTED_OUT.equals(change.errorCode());
			RecipientStatus status = optedOut ? RecipientStatus.SKIPPED_OPTED_OUT : RecipientStatus.of(change.status());
			return new RecipientReport(status, RecipientStatus.before(change.status()), optedOut ? null : change.errorCode(),
					status == RecipientStatus.FAILED && SendSmsFallbacks.NOT_ON_WHATSAPP.equals(change.errorCode()));
		}

	}

}
