package org.linea.access;

import java.time.Instant;
import java.util.List;

/** A user as the admin page lists them. */
public record UserSummary(long id, String username, String displayName, boolean enabled, Instant lastLoginAt,
		List<Membership> memberships) {
}
