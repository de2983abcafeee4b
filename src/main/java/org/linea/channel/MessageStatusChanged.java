package org.linea.channel;

import java.time.Instant;

/**
 * Published when the provider reports progress of an outgoing message.
 *
 * @param messageId the conversation message, or for a {@link BulkMessage} its (negative) id
 */
public record MessageStatusChanged(long messageId, long lineId, DeliveryStatus status, Instant at, String errorCode) {

	/** Whether this is about a message sent to many ({@link BulkMessage}) rather than a conversation message. */
	public boolean bulk() {
		return this.messageId < 0;
	}

}
