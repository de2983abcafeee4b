package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** The conversation was given to an operator (by a supervisor or automatic assignment). */
public record ConversationAssigned(long conversationId, long lineId, long userId) implements ConversationEvent {

	@Override
	public String kind() {
		return "ASSIGNED";
	}

}
