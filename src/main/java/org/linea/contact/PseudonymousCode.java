package org.linea.contact;

/**
 * The code that stands for a person everywhere on screens and in reports: two-digit year of first
 * contact, the line's country, and a correlative number per line and year ({@code 26PE0042}). The
 * number has four digits at least and grows past 9999.
 */
public final class PseudonymousCode {

	private PseudonymousCode() {
	}

	public static String of(int year, String countryCode, int correlative) {
		if (correlative < 1) {
			throw new IllegalArgumentException("Correlatives start at 1");
		}
		return String.format("%02d%s%04d", Math.floorMod(year, 100), countryCode.toUpperCase(), correlative);
	}

}
