package org.linea.channel;

import java.time.Instant;

/** Published when the provider reports progress of an outgoing message. */
public record MessageStatusChanged(long messageId, long lineId, DeliveryStatus status, Instant at, String errorCode) {
}
