package org.linea.survey;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How people answer the closing questions in words, in the languages a line speaks (es, en, pt, fr,
 * ht): yes or no, "prefer not to say" or "don't know", and how satisfied they are. Matched on the
 * answer folded to lower case without accents and punctuation; a number is read by {@link ClosingFlow}.
 */
final class ClosingAnswers {

	private static final Pattern YES = words("1", "si", "s", "yes", "y", "yeah", "sure", "claro", "ok", "okay", "dale", "de acuerdo",
			"sim", "pode", "pode sim", "claro que sim", "oui", "d accord", "bien sur", "wi", "dako", "wi dako");

	private static final Pattern NO = words("2", "no", "n", "nope", "nao", "non", "pas question", "non merci", "no gracias",
			"no thanks", "nao obrigado", "nao obrigada", "non mesi", "pa vle", "mwen pa vle");

	private static final Pattern PREFER_NOT = Pattern.compile("^(prefiero no|prefer not|rather not|no se|no lo se|i don t know|"
			+ "dont know|don t know|prefiro nao|nao sei|je prefere ne pas|prefere ne pas|je ne sais pas|sais pas|"
			+ "mwen pito pa|m pito pa|pito pa|mwen pa konnen|m pa konnen|pa konnen)\\b.*");

	// the satisfaction scale in words, most specific first ("muy mal" before "mal")
	private static final List<Scale> SATISFACTION = List.of(
			new Scale(1, words("muy mal", "muy malo", "pesimo", "terrible", "horrible", "very bad", "awful", "nada(?! mal)",
					"not at all", "pessimo", "muito ruim", "muito mal", "tres mal", "nul", "pas du tout", "tre move", "tre mal",
					"pa ditou")),
			new Scale(5, words("muy bien", "muy bueno", "mucho", "excelente", "muy satisfecho", "muy satisfecha", "perfecto", "genial",
					"very good", "very", "excellent", "great", "very satisfied", "muito bom", "muito bem", "muito", "otimo", "otima", "perfeito",
					"muito satisfeito", "muito satisfeita", "tres bien", "tres satisfait", "tres satisfaite", "parfait",
					"tre byen", "anpil", "ekselan", "tre satisfe")),
			new Scale(2, words("mal", "malo", "insatisfecho", "insatisfecha", "bad", "poor", "unsatisfied", "ruim", "mau",
					"insatisfeito", "insatisfeita", "mauvais", "pas bien", "insatisfait", "insatisfaite", "move", "pa bon",
					"pa satisfe")),
			new Scale(3, words("regular", "mas o menos", "normal", "so so", "okay i guess", "more or less", "mais ou menos",
					"razoavel", "moyen", "bof", "comme ci comme ca", "konsa konsa", "pa twop mal")),
			new Scale(4, words("bien", "bueno", "satisfecho", "satisfecha", "good", "fine", "satisfied", "bom", "bem",
					"satisfeito", "satisfeita", "satisfait", "satisfaite", "byen", "bon", "satisfe", "nada mal", "not bad", "pas mal")));

	// numbers in words; "tres" is three in Spanish and Portuguese
	private static final List<Scale> NUMBERS = List.of(
			new Scale(1, whole("uno", "una", "one", "um", "uma", "un", "une", "en")),
			new Scale(2, whole("dos", "two", "dois", "duas", "deux", "de")),
			new Scale(3, whole("tres", "three", "trois", "twa")),
			new Scale(4, whole("cuatro", "four", "quatro", "quatre", "kat")),
			new Scale(5, whole("cinco", "five", "cinq", "senk")));

	private record Scale(int value, Pattern words) {
	}

	private ClosingAnswers() {
	}

	/** The answer folded: lower case, no accents, punctuation and apostrophes as spaces. */
	static String plain(String text) {
		String folded = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	static Optional<String> yesOrNo(String plain) {
		if (YES.matcher(plain).matches()) {
			return Optional.of("YES");
		}
		if (NO.matcher(plain).matches()) {
			return Optional.of("NO");
		}
		return Optional.empty();
	}

	static boolean preferNotToSay(String plain) {
		return plain.equals("0") || PREFER_NOT.matcher(plain).matches();
	}

	/** 1 to 5 for a satisfaction said in words, if it is one. */
	static Optional<String> satisfaction(String plain) {
		return java.util.stream.Stream.concat(NUMBERS.stream(), SATISFACTION.stream())
			.filter(s -> s.words().matcher(plain).matches())
			.map(s -> String.valueOf(s.value()))
			.findFirst();
	}

	private static Pattern whole(String... words) {
		return Pattern.compile("^(" + String.join("|", words) + ")$");
	}

	// the whole answer is one of these, perhaps followed by more words ("si claro", "oui merci")
	private static Pattern words(String... phrases) {
		return Pattern.compile("^(" + String.join("|", phrases) + ")\\b.*");
	}

}
