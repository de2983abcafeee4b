package org.linea.channel;

/** What became of a delivery from a provider. */
public record ReceiveResult(long inboundId, boolean duplicate) {
}
