package org.linea.knowledge;

import java.util.regex.Pattern;

import org.linea.shared.Folding;

/** How people write on WhatsApp, brought to one form: lower case, no accents, no drawn-out letters. */
public final class ChatText {

	// "holaaaa", "siiii": three or more of the same letter stand for one
	private static final Pattern DRAWN_OUT = Pattern.compile("(\\p{L})\\1{2,}");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private ChatText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String folded = Folding.fold(text).replace('’', '\'');
		folded = DRAWN_OUT.matcher(folded).replaceAll("$1");
		return SPACES.matcher(folded).replaceAll(" ").strip();
	}

	public static boolean hasLetters(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

}
