package org.linea.shared;

/** Text going into a file people open in a spreadsheet. */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/**
	 * A text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
	 * prefixed with a quote, so opening the file runs nothing.
	 */
	public static String defuse(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

}
