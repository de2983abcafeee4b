package org.linea.feedback.loop;

import java.io.Serializable;
import java.util.Map;

/**
 * An announcement as created.
 *
 * @param broadcast the broadcast campaign sending it
 * @param recipients people who raised the themes or rumours and consented to broadcasts: it is sent to them
 * @param skipped the other people who raised them, by reason (SKIPPED_NO_CONSENT, SKIPPED_OPTED_OUT)
 * @param records feedback records marked with the announcement
 */
public record Announcement(long id, long broadcast, int recipients, Map<String, Long> skipped, int records) implements Serializable {

	/** Everyone skipped, whatever the reason. */
	public long skippedTotal() {
		return this.skipped.values().stream().mapToLong(Long::longValue).sum();
	}

}
