package org.linea.conversation;

/** The conversation now waits for a person of the line. */
public record ConversationQueued(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "QUEUED";
	}

}
