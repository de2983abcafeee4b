package org.linea.channel;

/**
 * A message sent to many people (a broadcast), not part of a conversation.
 *
 * @param reference the sender's own id for this one delivery (e.g. a broadcast recipient), positive and
 * unique: the outbox holds it once, so queueing it twice fails instead of sending twice
 * @param consentPurpose what the person consented to (e.g. BROADCASTS): checked again just before sending
 */
public record BulkMessage(long reference, long lineId, long contactId, String consentPurpose, OutboundContent content) {

	/** The error code of a bulk message not sent because its person opted out or withdrew consent after it was queued. */
	public static final String OPTED_OUT = "LINEA_OPTED_OUT";

	public BulkMessage {
		if (reference <= 0) {
			throw new IllegalArgumentException("A bulk message's reference is positive");
		}
	}

	/** The id the outbox and {@link MessageStatusChanged} know it by: the reference, negated, so it never meets a conversation message's. */
	public long messageId() {
		return -this.reference;
	}

	/** The reference of a bulk message's id as {@link MessageStatusChanged} gives it. */
	public static long referenceOf(long messageId) {
		return -messageId;
	}

}
