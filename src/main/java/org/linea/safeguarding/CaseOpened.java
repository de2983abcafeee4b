package org.linea.safeguarding;

/**
 * A safeguarding case was opened, or became urgent: focal points are alerted (never with content).
 *
 * @param becameUrgent whether an open case turned urgent, rather than a new case
 */
public record CaseOpened(long caseId, long organisationId, long lineId, String code, Category category, boolean urgent,
		boolean becameUrgent) {
}
