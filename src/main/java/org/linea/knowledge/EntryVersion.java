package org.linea.knowledge;

import java.time.Instant;

/** One version of an entry, as it was after a change. */
public record EntryVersion(int version, EntryStatus status, EntryContent content, String change, Instant changedAt,
		String changedBy) {
}
