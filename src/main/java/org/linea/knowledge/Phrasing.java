package org.linea.knowledge;

import java.time.Instant;

/**
 * A way a person asked what an entry answers, learned from the line's work or imported.
 *
 * @param conversationId the conversation it was said in; null for imported phrasings
 */
public record Phrasing(long id, String entryKey, String text, PhrasingSource source, PhrasingStatus status, Long conversationId,
		Instant proposedAt) {
}
