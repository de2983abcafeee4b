package org.linea.conversation;

/** The operator holding the conversation gave it back to the queue. */
public record ConversationReleased(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "RELEASED";
	}

}
