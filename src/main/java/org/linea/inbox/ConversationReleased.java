package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** The operator holding the conversation gave it back to the queue. */
public record ConversationReleased(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "RELEASED";
	}

}
