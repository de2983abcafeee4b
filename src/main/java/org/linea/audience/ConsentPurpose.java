package org.linea.audience;

import java.util.Locale;

import org.linea.shared.InvalidRequestException;

/** What a person agreed to be written to for, as the consent ledger names it. */
public enum ConsentPurpose {

	/** Information sent to many people: key messages, announcements. */
	BROADCASTS,

	/** Questions sent to ask their opinion. */
	SURVEYS;

	/** The purpose a person withdrawing everything (STOP) records; it overrides every purpose. */
	public static final String ALL_MESSAGES = "ALL_MESSAGES";

	public static ConsentPurpose of(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException("error.audience.unknown-consent-purpose-use", name);
		}
	}

}
