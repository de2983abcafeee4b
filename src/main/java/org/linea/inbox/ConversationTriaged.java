package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** The conversation's traffic-light colour was set. */
public record ConversationTriaged(long conversationId, long lineId, String colour) implements ConversationEvent {

	@Override
	public String kind() {
		return "TRIAGED";
	}

}
