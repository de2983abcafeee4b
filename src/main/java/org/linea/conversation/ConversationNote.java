package org.linea.conversation;

/** A staff note with the conversation it was written in and the person's code, for lists outside the conversation. */
public record ConversationNote(long messageId, long conversationId, String contactCode, Long authorId, String body) {
}
