package org.linea.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How people write on WhatsApp, brought to one form: lower case, no accents, no drawn-out letters. */
public final class ChatText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	// "holaaaa", "siiii": three or more of the same letter stand for one
	private static final Pattern DRAWN_OUT = Pattern.compile("(\\p{L})\\1{2,}");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private ChatText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		folded = folded.toLowerCase(Locale.ROOT).replace('’', '\'');
		folded = DRAWN_OUT.matcher(folded).replaceAll("$1");
		return SPACES.matcher(folded).replaceAll(" ").strip();
	}

	public static boolean hasLetters(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

}
