package org.linea.channel;

import java.time.Instant;
import java.util.List;

/**
 * The provider took these {@link BulkMessage}s, each with this status as its answer: one event for a
 * batch of a campaign's sends, recorded together by the outbox. Reports that come later, and every
 * other change of a bulk message's status, are {@link MessageStatusChanged}.
 *
 * @param messageIds their (negative) ids, as {@link BulkMessage#messageId()}
 */
public record BulkMessagesAccepted(long lineId, DeliveryStatus status, Instant at, List<Long> messageIds) {

	public BulkMessagesAccepted {
		messageIds = List.copyOf(messageIds);
	}

}
