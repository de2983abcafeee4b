package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** The conversation's tags changed. */
public record ConversationTagged(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "TAGGED";
	}

}
