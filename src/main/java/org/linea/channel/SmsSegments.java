package org.linea.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text travels as SMS (GSM 03.38): GSM-7 when every character is in the GSM basic or extension
 * table (160 septets alone, 153 per part of a long message, extension characters take two), otherwise
 * UCS-2 (70 UTF-16 units alone, 67 per part).
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) the text takes
 */
public record SmsSegments(String encoding, int units, int segments) {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "\f^{}\\[~]|€";

	public static SmsSegments of(String text) {
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			int width = gsmWidth(text.charAt(i));
			if (width == 0) {
				return ucs2(text.length());
			}
			septets += width;
		}
		return new SmsSegments("GSM-7", septets, septets <= 160 ? 1 : ceil(septets, 153));
	}

	/**
	 * Cuts a text into pieces of at most {@code maxLength} characters, at a paragraph, sentence or word
	 * end where there is one, never inside a surrogate pair.
	 */
	public static List<String> split(String text, int maxLength) {
		List<String> parts = new ArrayList<>();
		String rest = text.strip();
		while (rest.length() > maxLength) {
			int cut = cutPoint(rest, maxLength);
			parts.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty()) {
			parts.add(rest);
		}
		return parts;
	}

	private static int cutPoint(String text, int maxLength) {
		String window = text.substring(0, maxLength + 1);
		int floor = maxLength / 2;
		for (String boundary : new String[] { "\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " " }) {
			int at = window.lastIndexOf(boundary);
			if (at >= floor) {
				return at + boundary.length() - (boundary.endsWith(" ") ? 1 : 0);
			}
		}
		return Character.isLowSurrogate(text.charAt(maxLength)) ? maxLength - 1 : maxLength;
	}

	private static SmsSegments ucs2(int units) {
		return new SmsSegments("UCS-2", units, units <= 70 ? 1 : ceil(units, 67));
	}

	private static int gsmWidth(char c) {
		if (BASIC.indexOf(c) >= 0) {
			return 1;
		}
		return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
	}

	private static int ceil(int units, int perSegment) {
		return (units + perSegment - 1) / perSegment;
	}

}
