package org.linea.inbox;

import java.time.Instant;

import org.linea.conversation.ConversationState;

/** A conversation as the inbox lists it: the person's code, never their number. */
public record QueueEntry(long conversationId, String lineKey, String contactCode, String language, ConversationState state,
		String holder, boolean heldByMe, Instant waitingSince, Instant lastMessageAt) {
}
