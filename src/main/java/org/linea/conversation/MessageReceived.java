package org.linea.conversation;

/** A message from the person was recorded. */
public record MessageReceived(long conversationId, long lineId, long messageId) implements ConversationEvent {

	@Override
	public String kind() {
		return "MESSAGE_IN";
	}

}
