package org.linea.bot;

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

	/**
	 * @param supported the line's languages (ISO 639-1)
	 * @param fallback the language to keep when the text does not say clearly
	 */
	public String detect(String text, List<String> supported, String fallback) {
		String folded = ChatText.fold(text);
		List<String> words = WORD.matcher(folded).results().map(m -> m.group()).toList();
		if (supported.contains("ht")) {
			long haitian = words.stream().filter(HAITIAN_WORDS::contains).distinct().count();
			if (haitian >= 2) {
				return "ht";
			}
		}
		if (words.size() < MIN_WORDS) {
			return fallback;
		}
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

	private LanguageDetector detector(List<String> supported) {
		Set<String> key = Set.copyOf(supported);
		return this.detectors.computeIfAbsent(key, languages -> {
			EnumSet<Language> known = EnumSet.noneOf(Language.class);
			for (String code : languages) {
				for (Language language : Language.values()) {
					if (language.getIsoCode639_1() != IsoCode639_1.NONE
							&& language.getIsoCode639_1().name().equalsIgnoreCase(code)) {
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
