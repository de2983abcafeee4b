package org.linea.conversation;

/** An operator took the conversation. */
public record ConversationClaimed(long conversationId, long lineId, long userId) implements ConversationEvent {

	@Override
	public String kind() {
		return "ASSIGNED";
	}

}
