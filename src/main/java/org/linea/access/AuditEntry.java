package org.linea.access;

import java.time.Instant;

/** One line of the audit log as an admin reads it. */
public record AuditEntry(Instant occurredAt, String username, String action, String subjectType, String subjectId,
		String detail) {
}
