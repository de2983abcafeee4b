package org.linea.conversation;

/** A message to the person (bot, operator, survey, broadcast) was recorded and handed to the outbox. */
public record MessageSent(long conversationId, long lineId, long messageId) implements ConversationEvent {

	@Override
	public String kind() {
		return "MESSAGE_OUT";
	}

}
