package org.linea.contact;

import java.time.Instant;

/** A person who wrote to a line, as the rest of Linea sees them: by code, never by number. */
public record Contact(long id, long lineId, String code, String maskedPhone, String language, Instant optedOutAt,
		boolean isNew) {

	public boolean optedOut() {
		return this.optedOutAt != null;
	}

}
