package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.linea.shared.Folding;

/**
 * A message as words to compare: lower case, without accents, drawn-out letters collapsed
 * ("ayudaaa"), split on anything that is not a letter or digit (a question mark
 * becomes the word {@code qmark}), and chat spellings brought to one
 * form from {@code safeguarding/spellings.txt} ("q", "xq", "ke" become "que", "porque"), and
 * letters that sound alike written one way (v/b, z/s, ll/y, soft c/s, k/c).
 */
final class SafeguardingText {

	private static final Pattern DRAWN_OUT = Pattern.compile("(\\p{L})\\1{2,}");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	// letters that sound alike in Latin American Spanish and are written either way in chats:
	// "boluntario", "kontraseña", "dise", "yamo", "cuchiyo", "ke"
	private static final Pattern[] SOUNDS = { Pattern.compile("v"), Pattern.compile("z"), Pattern.compile("ll"),
			Pattern.compile("c(?=[ei])"), Pattern.compile("k(?=[aou])"), Pattern.compile("k(?=[ei])") };

	private static final String[] SOUNDS_AS = { "b", "s", "y", "s", "c", "qu" };

	/** A question mark, kept as a word so that signals can tell a question from a statement. */
	static final String QUESTION = "qmark";

	private final Map<String, String> spellings;

	SafeguardingText(Map<String, String> spellings) {
		this.spellings = Map.copyOf(spellings);
	}

	static String fold(String text) {
		String folded = Folding.fold(text).replace('ø', 'o').replace('ß', 's');
		return DRAWN_OUT.matcher(folded).replaceAll("$1");
	}

	static String sound(String word) {
		String sounded = word;
		for (int i = 0; i < SOUNDS.length; i++) {
			sounded = SOUNDS[i].matcher(sounded).replaceAll(SOUNDS_AS[i]);
		}
		return sounded;
	}

	List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		for (String word : NOT_WORD.split(fold(text).replace("?", " " + QUESTION + " "))) {
			if (word.isEmpty()) {
				continue;
			}
			String spelled = this.spellings.get(word);
			if (spelled == null) {
				words.add(sound(word));
			}
			else if (!spelled.isEmpty()) {
				for (String part : spelled.split(" ")) {
					words.add(sound(part));
				}
			}
		}
		return words;
	}

}
