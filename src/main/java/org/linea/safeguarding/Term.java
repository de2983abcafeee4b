package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One signal phrase of a concept, as written in a signals file: words in order, each word a choice
 * of forms ({@code pidio|pidieron}), a form ending in {@code *} matching any ending ({@code voluntari*}),
 * {@code #N} matching a number from 0 to N, of up to seven digits ({@code #17 anos}, {@code #99999}). Up to two other words may come between
 * the words of a phrase; words of six letters or more (with the same first letter) also match with
 * one letter wrong, missing, extra or swapped, so typos still match, and other forms of a word
 * ("encerrada", "encerrados") match through {@link Stems}.
 */
record Term(String source, List<List<String>> words) {

	private static final int GAP = 2;

	// shorter words differ by one letter too often ("abuso", "abusou"); prefixes need more to stay apart
	private static final int FUZZY_FROM = 6;

	private static final int FUZZY_PREFIX_FROM = 7;

	static Term parse(String source, SafeguardingText text) {
		List<List<String>> words = new ArrayList<>();
		for (String word : source.strip().split("\\s+")) {
			List<String> forms = new ArrayList<>();
			for (String form : word.split("\\|")) {
				boolean prefix = form.endsWith("*");
				String base = prefix ? form.substring(0, form.length() - 1) : form;
				if (base.startsWith("#")) {
					forms.add(base);
					continue;
				}
				List<String> folded = text.words(base);
				if (folded.size() > 1 && !word.contains("|")) {
					// "m'a", "xq": one written word, several words to compare
					folded.subList(0, folded.size() - 1).forEach(part -> words.add(List.of(part)));
					folded = folded.subList(folded.size() - 1, folded.size());
				}
				if (folded.size() != 1) {
					throw new IllegalArgumentException("'" + form + "' in '" + source + "' is not one word");
				}
				forms.add(folded.getFirst() + (prefix ? "*" : ""));
			}
			words.add(List.copyOf(forms));
		}
		return new Term(source.strip(), List.copyOf(words));
	}

	/** Where the phrase starts in these words, or -1. */
	int find(List<String> message) {
		return find(new MessageWords(message));
	}

	/** Where the phrase starts in this message, or -1. */
	int find(MessageWords message) {
		// the positions each word of the phrase matches, worked out when first needed
		BitSet[] at = new BitSet[this.words.size()];
		at[0] = positions(0, message);
		for (int start = at[0].nextSetBit(0); start >= 0; start = at[0].nextSetBit(start + 1)) {
			if (restFrom(message, at, start + 1, 1)) {
				return start;
			}
		}
		return -1;
	}

	private boolean restFrom(MessageWords message, BitSet[] at, int from, int word) {
		if (word == this.words.size()) {
			return true;
		}
		if (at[word] == null) {
			at[word] = positions(word, message);
		}
		for (int i = from; i < Math.min(message.size(), from + GAP + 1); i++) {
			if (at[word].get(i) && restFrom(message, at, i + 1, word + 1)) {
				return true;
			}
		}
		return false;
	}

	private BitSet positions(int word, MessageWords message) {
		List<String> forms = this.words.get(word);
		if (forms.size() == 1) {
			return message.matching(forms.getFirst());
		}
		BitSet positions = new BitSet();
		for (String form : forms) {
			positions.or(message.matching(form));
		}
		return positions;
	}

	static boolean matches(String form, String word) {
		if (form.startsWith("#")) {
			return word.chars().allMatch(Character::isDigit) && word.length() <= 7
					&& Integer.parseInt(word) <= Integer.parseInt(form.substring(1));
		}
		if (form.endsWith("*")) {
			String prefix = form.substring(0, form.length() - 1);
			if (word.startsWith(prefix)) {
				return true;
			}
			if (prefix.length() < FUZZY_PREFIX_FROM || word.isEmpty() || word.charAt(0) != prefix.charAt(0)) {
				return false;
			}
			for (int length = prefix.length() - 1; length <= prefix.length() + 1; length++) {
				if (length <= word.length() && withinOne(prefix, word.substring(0, length))) {
					return true;
				}
			}
			return false;
		}
		// typos rarely fall on the first letter, and other words do ("devolver", "revolver")
		return form.equals(word) || (Math.min(form.length(), word.length()) >= FUZZY_FROM
				&& form.charAt(0) == word.charAt(0) && withinOne(form, word)) || Stems.same(form, word);
	}

	/** Whether one edit (a letter changed, added, dropped, or two swapped) turns one into the other. */
	static boolean withinOne(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1 || Character.isDigit(b.isEmpty() ? 'x' : b.charAt(0))) {
			return false;
		}
		int[][] d = new int[la + 1][lb + 1];
		for (int i = 0; i <= la; i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= lb; j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= la; i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= lb; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				rowMin = Math.min(rowMin, d[i][j]);
			}
			if (rowMin > 1) {
				return false;
			}
		}
		return d[la][lb] <= 1;
	}

	@Override
	public String toString() {
		return this.source + " " + Arrays.toString(this.words.toArray());
	}

}
