package org.linea.conversation;

/** A sent message's delivery status moved on, or its delivery came into doubt. */
public record DeliveryStatusRecorded(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "STATUS";
	}

}
