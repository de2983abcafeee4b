package org.linea.channel;

/** Published after an inbound message was stored (and acknowledged to the provider). */
public record InboundMessageStored(long inboundId, long lineId) {
}
