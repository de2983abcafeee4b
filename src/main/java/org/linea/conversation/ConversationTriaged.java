package org.linea.conversation;

/** The conversation's traffic-light colour was set. */
public record ConversationTriaged(long conversationId, long lineId, String colour) implements ConversationEvent {

	@Override
	public String kind() {
		return "TRIAGED";
	}

}
