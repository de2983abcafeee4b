package org.linea.conversation;

/** The interaction ended. */
public record ConversationClosed(long conversationId, long lineId, String reason) implements ConversationEvent {

	@Override
	public String kind() {
		return "CLOSED";
	}

}
