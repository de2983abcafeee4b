package org.linea.shared.db;

/**
 * Text as a UTF-8 PostgreSQL database can keep it. PostgreSQL refuses a NUL character in text, and a
 * lone UTF-16 surrogate (which JSON's {@code \ud800} escapes can produce) has no UTF-8 form and would
 * silently become {@code ?}. Both become U+FFFD, the replacement character, so the rest of what a
 * person wrote is stored and a reader sees that something was replaced.
 */
public final class StorableText {

	public static final char REPLACEMENT = '\uFFFD';

	private StorableText() {
	}

	/** The text with every NUL and lone surrogate replaced; null stays null, good text is returned as is. */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
			if (pair) {
				if (out != null) {
					out.append(c).append(text.charAt(i + 1));
				}
				i++;
				continue;
			}
			boolean unstorable = c == '\0' || Character.isSurrogate(c);
			if (unstorable && out == null) {
				out = new StringBuilder(length).append(text, 0, i);
			}
			if (out != null) {
				out.append(unstorable ? REPLACEMENT : c);
			}
		}
		return out == null ? text : out.toString();
	}

}
