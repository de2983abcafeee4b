package org.linea.inbox;

import org.linea.conversation.ConversationEvent;

/** The conversation went to another team (an escalation when a specialist is called in). */
public record ConversationMoved(long conversationId, long lineId, long teamId, boolean escalation) implements ConversationEvent {

	@Override
	public String kind() {
		return "MOVED";
	}

}
