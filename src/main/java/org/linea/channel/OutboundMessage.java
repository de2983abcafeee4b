package org.linea.channel;

/**
 * A message to send to a contact, queued in the outbox with the conversation message it carries.
 *
 * @param messageId the conversation message this delivers
 */
public record OutboundMessage(long messageId, long lineId, long contactId, OutboundContent content) {
}
