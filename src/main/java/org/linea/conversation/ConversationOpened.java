package org.linea.conversation;

/** A person's new interaction began. */
public record ConversationOpened(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "OPENED";
	}

}
