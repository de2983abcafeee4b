package org.linea.contact;

import java.time.Instant;

/**
 * A person who wrote to a line, as the rest of Linea sees them: by code, never by number.
 *
 * @param phoneUse whether the number is the person's own or shared by several people ({@link #shared()})
 */
public record Contact(long id, long lineId, String code, String maskedPhone, String language, Instant optedOutAt,
		PhoneUse phoneUse, boolean isNew) {

	/**
	 * Whether several people write from this number (a family's or a community's phone). Broadcasts to a
	 * shared phone must say so ({@link SharedPhones#broadcastNotice}) and never assume the reader is the
	 * person who gave consent.
	 */
	public boolean shared() {
		return this.phoneUse == PhoneUse.SHARED;
	}

	public boolean optedOut() {
		return this.optedOutAt != null;
	}

}
