package org.linea.channel;

import java.time.Instant;

/** A stored inbound message the pipeline has locked for processing. */
public record PendingInbound(long id, long lineId, String from, String profileName, MessageKind kind, String text,
		String mediaRef, Instant receivedAt) {
}
