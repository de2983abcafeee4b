package org.linea.conversation;

import java.time.Instant;

/** A message of a conversation as staff see it. */
public record ConversationMessage(long id, String direction, SenderKind senderKind, Long authorId, String body,
		String mediaRef, String status, String errorCode, Instant createdAt) {
}
