package org.linea.channel;

import java.time.Instant;

/**
 * A stored inbound message the pipeline has locked for processing; {@code from} is the number, or the
 * BSUID when the provider withheld the number, and {@code userId} the BSUID when there is one.
 */
public record PendingInbound(long id, long lineId, String from, String profileName, MessageKind kind, String text,
		String mediaRef, Instant receivedAt, String userId) {
}
