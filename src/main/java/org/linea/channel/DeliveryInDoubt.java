package org.linea.channel;

import java.time.Instant;

/**
 * Published when an outgoing message may or may not have reached the person, and Linea will not send
 * it again: someone has to look.
 */
public record DeliveryInDoubt(long messageId, long lineId, Instant at) {
}
