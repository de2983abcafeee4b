package org.linea.access;

import java.sql.Timestamp;
import java.time.Instant;

/** Which audit entries to show: by user, action and time, each optional ({@code to} is exclusive). */
public record AuditFilter(String username, String action, Instant from, Instant to) {

	public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

	public AuditFilter {
		username = blankToNull(username);
		action = blankToNull(action);
	}

	Timestamp fromTimestamp() {
		return this.from == null ? null : Timestamp.from(this.from);
	}

	Timestamp toTimestamp() {
		return this.to == null ? null : Timestamp.from(this.to);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
