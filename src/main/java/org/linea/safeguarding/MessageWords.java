package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One message's words as {@link Term}s look them up: which positions each form matches, worked out
 * once per form and message. A form can only match a word with its own first letter (equal, one
 * letter off, another form of the word, a prefix) or, for {@code #N}, a number, so only those words
 * are compared: a screen compares each of the signals' thousands of forms with a few words, not
 * with all of them, and a form shared by many terms is compared once.
 */
final class MessageWords {

	private static final BitSet NONE = new BitSet(0);

	private final List<String> words;

	private final Map<Character, List<Integer>> byFirst = new HashMap<>();

	private final List<Integer> numbers = new ArrayList<>();

	/** only forms that have words to be compared with: most forms have none, and need neither a lookup nor a place here */
	private final Map<String, BitSet> matched = new HashMap<>(512);

	MessageWords(List<String> words) {
		this.words = words;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.isEmpty()) {
				continue;
			}
			this.byFirst.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(i);
			if (word.chars().allMatch(Character::isDigit)) {
				this.numbers.add(i);
			}
		}
	}

	int size() {
		return this.words.size();
	}

	/** The positions whose word this form matches ({@link Term#matches(String, String)}). */
	BitSet matching(String form) {
		List<Integer> candidates;
		if (form.startsWith("#")) {
			candidates = this.numbers;
		}
		else if (form.isEmpty() || form.equals("*")) {
			candidates = null;
		}
		else {
			candidates = this.byFirst.getOrDefault(form.charAt(0), List.of());
		}
		if (candidates != null && candidates.isEmpty()) {
			return NONE;
		}
		BitSet known = this.matched.get(form);
		if (known != null) {
			return known;
		}
		BitSet found = NONE;
		if (candidates == null) {
			for (int i = 0; i < this.words.size(); i++) {
				found = with(found, i, form);
			}
		}
		else {
			for (int i : candidates) {
				found = with(found, i, form);
			}
		}
		this.matched.put(form, found);
		return found;
	}

	private BitSet with(BitSet found, int position, String form) {
		if (!Term.matches(form, this.words.get(position))) {
			return found;
		}
		BitSet more = found == NONE ? new BitSet(this.words.size()) : found;
		more.set(position);
		return more;
	}

}
