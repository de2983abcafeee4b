package org.linea.channel;

/** A message joined the outbox: the sender can wake up instead of waiting for its next poll. */
record OutboxFilled(long lineId) {
}
