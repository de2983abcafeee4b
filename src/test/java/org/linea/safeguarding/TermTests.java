package org.linea.safeguarding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phrase is found where it was before the screen looked forms up per message ({@link MessageWords}):
 * the same start as comparing every form with every word, for exact words, typos, other forms of a word,
 * prefixes, numbers and words in between.
 */
class TermTests {

	private final SafeguardingText text = new SafeguardingText(Map.of());

	private static final List<String> TERMS = List.of("pidio|pidieron dinero", "voluntari* me toco", "#17 anos", "encerrada",
			"me amenazo con matarme", "m'a frappee", "child alone", "abuso|abusou sexual");

	private static final List<String> MESSAGES = List.of("el voluntario me pidio dinero por la lista",
			"un voluntarrio de la ong me toco", "tengo 16 anos y me pidieron mucho dinero", "mi hija tiene 18 anos",
			"estoy encerrados en la casa", "me tiene encerada desde ayer", "me amenaso con matarme anoche",
			"il m'a frappé hier soir", "my child is alone at home", "the child alone", "dinero", "me pidio que le diera dinero",
			"fue abusou sexual", "", "12345678 anos", "abuzo sexual de un menor");

	@Test
	void findsEachPhraseWhereComparingEveryFormWithEveryWordDoes() {
		int found = 0;
		for (String source : TERMS) {
			Term term = Term.parse(source, this.text);
			for (String message : MESSAGES) {
				List<String> words = this.text.words(message);
				int expected = reference(term, words);
				assertThat(term.find(words)).as(source + " in " + message).isEqualTo(expected);
				found += expected >= 0 ? 1 : 0;
			}
		}
		// the cases are not all misses
		assertThat(found).isGreaterThan(8);
	}

	private static int reference(Term term, List<String> message) {
		for (int start = 0; start < message.size(); start++) {
			if (matches(term.words().getFirst(), message.get(start)) && rest(term, message, start + 1, 1)) {
				return start;
			}
		}
		return -1;
	}

	private static boolean rest(Term term, List<String> message, int from, int word) {
		if (word == term.words().size()) {
			return true;
		}
		for (int i = from; i < Math.min(message.size(), from + 3); i++) {
			if (matches(term.words().get(word), message.get(i)) && rest(term, message, i + 1, word + 1)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<String> forms, String word) {
		return forms.stream().anyMatch(form -> Term.matches(form, word));
	}

}
