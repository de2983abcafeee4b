package org.linea.access;

import java.time.Instant;

/** A personal access token as its owner sees it: never the token itself, only its first characters. */
public record ApiToken(long id, String name, String tokenPrefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean isActive() {
		return this.revokedAt == null;
	}

}
