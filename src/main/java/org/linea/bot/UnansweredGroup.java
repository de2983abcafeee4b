package org.linea.bot;

import java.time.Instant;
import java.util.List;

/**
 * Questions the bot could not answer that read alike, as a candidate for a new entry.
 *
 * @param examples some of the questions, newest first
 * @param closestEntry the entry that came closest, or null
 * @param decisionIds the group's decisions, for assigning them to an entry
 */
public record UnansweredGroup(int count, List<String> examples, Instant last, String closestEntry, List<Long> decisionIds) {
}
