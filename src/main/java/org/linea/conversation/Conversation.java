package org.linea.conversation;

import java.time.Instant;

/**
 * An interaction between a person and a line.
 *
 * @param waitingSince the person's oldest message not yet answered, null when answered
 * @param isNew whether it was opened by the message being processed
 */
public record Conversation(long id, long lineId, long contactId, String contactCode, ConversationState state,
		String language, Long assigneeId, Instant openedAt, Instant waitingSince, Instant lastMessageAt, Instant closedAt,
		boolean isNew) {

	public boolean isOpen() {
		return this.state != ConversationState.CLOSED;
	}

	public boolean isHeldBy(long userId) {
		return this.state == ConversationState.ASSIGNED && this.assigneeId != null && this.assigneeId == userId;
	}

}
