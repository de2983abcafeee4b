package org.linea.channel;

/**
 * A message joined the outbox: the sender can wake up instead of waiting for its next poll.
 * @param bulk a broadcast's: it waits for the line's next round, where a reply is claimed at once
 */
record OutboxFilled(long lineId, boolean bulk) {
}
