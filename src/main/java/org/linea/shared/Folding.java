package org.linea.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text brought to one form for comparing, the one place accents are taken off: {@code "¿Cuándo?"}
 * becomes {@code "¿Cuando?"} without accents and {@code "¿cuando?"} folded. Callers that need more
 * (chat spellings, punctuation) start from here.
 */
public final class Folding {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Folding() {
	}

	/** The text without accents or other combining marks, case kept. */
	public static String withoutAccents(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
	}

	/** The text without accents, in lower case. */
	public static String fold(String text) {
		return withoutAccents(text).toLowerCase(Locale.ROOT);
	}

}
