package org.linea.knowledge;

import org.linea.knowledge.Resources;
import org.linea.knowledge.ChatText;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import org.springframework.stereotype.Component;

/**
 * The language a message is written in, among the line's languages, by Lingua (offline n-gram models).
 * A detector is built once per set of languages. Lingua has no model for Haitian Creole, so a message
 * with several words found only in Haitian Creole is taken as such on lines that speak it. Short or
 * ambiguous messages keep the conversation's language.
 */
@Component
public class MessageLanguage {

	private static final double MIN_CONFIDENCE = 0.6;

	private static final int MIN_WORDS = 3;

	// the fallback's confidence, relative to the best language's, from which the fallback is kept
	private static final double NEAR_TIE = 0.95;

	private static final Set<String> HAITIAN_WORDS = Set.of("mwen", "kijan", "eske", "bonjou", "bonswa", "isit", "oswa",
			"papye", "lajan", "konbyen", "kote", "pitit", "yon", "voye", "vaksen", "sekirite", "lopital", "refijye",
			"mesi", "anpil", "kounye", "poukisa", "kile", "lekol", "travay", "ansent", "pozitif", "vokal", "mesaj");

	private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

	private final Map<Set<String>, LanguageDetector> detectors = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> functionWords = functionWords();

	/**
	 * @param supported the line's languages (ISO 639-1)
	 * @param fallback the language to keep when the text does not say clearly
	 */
	public String detect(String text, List<String> supported, String fallback) {
		String folded = ChatText.fold(text);
		List<String> words = WORD.matcher(folded).results().map(m -> m.group()).toList();
		if (supported.contains("ht")) {
			long haitian = words.stream().filter(w -> HAITIAN_WORDS.contains(w) || this.functionWords.get("ht").contains(w))
				.distinct().count();
			if (haitian >= 2 && haitian > count("es", words) && haitian > count("fr", words)) {
				return "ht";
			}
		}
		if (words.size() < MIN_WORDS) {
			return fallback;
		}
		String detected = statistical(text, supported, fallback);
		return byFunctionWords(detected, words, supported, fallback);
	}

	/**
	 * The detector's choice, unless the message's grammatical words say otherwise: another language's
	 * outnumber the chosen one's (by two when it is not the conversation's language).
	 */
	private String byFunctionWords(String detected, List<String> words, List<String> supported, String fallback) {
		long own = count(detected, words);
		String best = detected;
		long bestCount = own;
		for (String language : supported) {
			long count = count(language, words);
			if (count > bestCount) {
				best = language;
				bestCount = count;
			}
		}
		if (best.equals(detected)) {
			return detected;
		}
		long needed = best.equals(fallback) ? 1 : 2;
		return bestCount - own >= needed && bestCount >= needed ? best : detected;
	}

	private long count(String language, List<String> words) {
		Set<String> known = this.functionWords.getOrDefault(language, Set.of());
		return words.stream().filter(known::contains).distinct().count();
	}

	private static Map<String, Set<String>> functionWords() {
		Map<String, Set<String>> words = new java.util.HashMap<>();
		for (String line : Resources.lines("bot/function-words.txt")) {
			int colon = line.indexOf(':');
			words.put(line.substring(0, colon).strip(), Set.copyOf(java.util.Arrays.asList(line.substring(colon + 1).strip().split("\\s+"))));
		}
		return Map.copyOf(words);
	}

	private String statistical(String text, List<String> supported, String fallback) {
		LanguageDetector detector = detector(supported);
		if (detector == null) {
			return fallback;
		}
		SortedMap<Language, Double> confidence = detector.computeLanguageConfidenceValues(text);
		if (confidence.isEmpty()) {
			return fallback;
		}
		Map.Entry<Language, Double> best = confidence.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow();
		if (best.getValue() < MIN_CONFIDENCE) {
			return fallback;
		}
		// a near tie keeps the line's language: chat Spanish without accents ("q sintomas da", "tomo
		// azitromicina pal covid") often looks a hair more Portuguese than Spanish to the models
		Language fallbackLanguage = confidence.keySet()
			.stream()
			.filter(l -> l.getIsoCode639_1().name().equalsIgnoreCase(fallback))
			.findFirst()
			.orElse(null);
		if (fallbackLanguage != null && confidence.get(fallbackLanguage) >= NEAR_TIE * best.getValue()) {
			return fallback;
		}
		return best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT);
	}

	// the runnable jar carries only the models of the languages lines speak (see pom.xml); a line
	// speaking another falls back to function words and its own language
	private static boolean hasModel(Language language) {
		String path = "language-models/" + language.getIsoCode639_1().name().toLowerCase(Locale.ROOT) + "/unigrams.json";
		return MessageLanguage.class.getClassLoader().getResource(path) != null;
	}

	private LanguageDetector detector(List<String> supported) {
		Set<String> key = Set.copyOf(supported);
		return this.detectors.computeIfAbsent(key, languages -> {
			EnumSet<Language> known = EnumSet.noneOf(Language.class);
			for (String code : languages) {
				for (Language language : Language.values()) {
					if (language.getIsoCode639_1() != IsoCode639_1.NONE
							&& language.getIsoCode639_1().name().equalsIgnoreCase(code) && hasModel(language)) {
						known.add(language);
					}
				}
			}
			if (known.size() < 2) {
				return null;
			}
			return LanguageDetectorBuilder.fromLanguages(known.toArray(Language[]::new)).withPreloadedLanguageModels().build();
		});
	}

}
