package org.linea.broadcast;

import java.util.List;

import org.linea.channel.BulkMessage;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.MessageStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's reports on broadcast messages, onto their recipients. Statuses only move forward;
 * a failure keeps the provider's code as its reason (131049, the per-person marketing cap, and
 * 131026, not on WhatsApp, are recorded and not sent again: the outbox never retries them).
 */
@Component
class BroadcastDeliveries {

	private final JdbcClient jdbc;

	BroadcastDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional
	void statusChanged(MessageStatusChanged event) {
		if (!event.bulk()) {
			return;
		}
		boolean optedOut = event.status() == DeliveryStatus.FAILED && BulkMessage.OPTED_OUT.equals(event.errorCode());
		RecipientStatus status = optedOut ? RecipientStatus.SKIPPED_OPTED_OUT : RecipientStatus.of(event.status());
		List<RecipientStatus> from = RecipientStatus.before(event.status());
		if (from.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update broadcast_recipient set status = ?, reason = coalesce(?, reason), updated_at = now()
				where id = ? and status = any(?)
				""")
			.params(status.name(), optedOut ? null : event.errorCode(), BulkMessage.referenceOf(event.messageId()),
					from.stream().map(Enum::name).toArray(String[]::new))
			.update();
	}

}
