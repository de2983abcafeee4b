package org.linea.safeguarding;

import java.time.Instant;
import java.util.List;

/**
 * A restricted case: a safeguarding report and its conversation, seen in content only by the
 * organisation's safeguarding focal points.
 *
 * @param code what everyone else sees, e.g. {@code 26PE0042}
 * @param source {@code DETECTED} by the signals or {@code FLAGGED} by an operator
 * @param status {@code OPEN}, {@code ACKNOWLEDGED}, {@code CLOSED} or {@code NOT_SENSITIVE}
 */
public record SafeguardingCase(long id, long organisationId, long lineId, long conversationId, String code, Category category,
		boolean urgent, List<String> signals, String source, String status, Instant openedAt, Instant acknowledgedAt,
		String outcome) {

	public boolean isOpen() {
		return this.status.equals("OPEN") || this.status.equals("ACKNOWLEDGED");
	}

}
