package org.linea.inbox;

import java.time.Instant;

/** A colleague asked for this user's help in a conversation's notes. */
record Mention(long id, long conversationId, String contactCode, String author, String note, Instant at) {
}
