package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** An operator took the conversation. */
public record ConversationClaimed(long conversationId, long lineId, long userId) implements ConversationEvent {

	@Override
	public String kind() {
		return "ASSIGNED";
	}

}
