package org.linea.knowledge;

import java.time.Instant;

/**
 * An entry of a line's bank. Lifecycle: DRAFT -> VALIDATED -> RETIRED (a retired entry may be
 * brought back as a draft); every change of content or status is a new version.
 */
public record KnowledgeEntry(long id, long lineId, EntryStatus status, int version, EntryContent content,
		Instant updatedAt, String updatedBy) {

	public String key() {
		return this.content.key();
	}

}
