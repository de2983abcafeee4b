package org.linea.shared;

/**
 * Texts in CSV files that spreadsheets open: one starting with {@code = + - @}, a tab or a carriage
 * return would be run as a formula, so it is written with a leading quote. For files Linea reads
 * back (the knowledge bank), a text that itself starts with a quote gets one more, and reading drops
 * exactly one, so nothing is lost on a round trip.
 */
public final class SpreadsheetText {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private SpreadsheetText() {
	}

	/** The text as it is safe to write in a cell of a CSV file. */
	public static String escape(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return FORMULA_STARTS.indexOf(first) >= 0 || first == '\'' ? "'" + text : text;
	}

	/** The text a cell written by {@link #escape} held. */
	public static String unescape(String cell) {
		if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
			return cell;
		}
		char second = cell.charAt(1);
		return FORMULA_STARTS.indexOf(second) >= 0 || second == '\'' ? cell.substring(1) : cell;
	}

	/** The text with a leading quote if a spreadsheet would run it as a formula (files Linea never reads back). */
	public static String defuse(String text) {
		return looksLikeFormula(text) ? "'" + text : text;
	}

	/** Whether a spreadsheet would take this text for a formula. */
	public static boolean looksLikeFormula(String text) {
		return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
	}

}
