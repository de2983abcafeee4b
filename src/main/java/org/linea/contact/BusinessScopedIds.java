package org.linea.contact;

import java.util.regex.Pattern;

/**
 * WhatsApp's business-scoped user ids (BSUID): a two-letter country code, a dot, optionally
 * {@code ENT.} for a parent BSUID, and up to 128 letters and digits ({@code US.13491208655302741918}).
 * Meta gives one for every person since April 2026, and only that for people with a username who
 * withhold their number.
 */
public final class BusinessScopedIds {

	private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");

	private BusinessScopedIds() {
	}

	public static boolean valid(String candidate) {
		return candidate != null && FORMAT.matcher(candidate).matches();
	}

	/** How a BSUID shows on screens: its country and its last two characters. */
	static String mask(String bsuid) {
		return bsuid.substring(0, 3) + "•".repeat(6) + bsuid.substring(bsuid.length() - 2);
	}

}
