package org.linea.safeguarding;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Whether two folded words are forms of one word ("encerrada", "encerrados"; "golpeo", "golpea";
 * "frappée", "frappé"; "threats", "threat"), by Lucene's light stemmers of Spanish, Portuguese,
 * French and English: a message's language is not always the line's, so two words are the same word
 * when any of the four makes them one. Haitian Creole barely inflects; its short forms are brought
 * together in {@code spellings.txt} ("mwen" and "m"). Only words of six letters or more whose stem
 * keeps five, so short words do not collapse ("casa", "caso"; "quiso" and the English "kiss").
 */
final class Stems {

	private static final int FROM = 6;

	private static final int STEM_FROM = 5;

	private static final int CACHE = 50_000;

	private static final List<Function<TokenStream, TokenStream>> STEMMERS = List.of(SpanishLightStemFilter::new,
			PortugueseLightStemFilter::new, FrenchLightStemFilter::new, EnglishMinimalStemFilter::new);

	private static final Map<String, String[]> stems = new ConcurrentHashMap<>();

	private Stems() {
	}

	static boolean same(String a, String b) {
		if (a.length() < FROM || b.length() < FROM || a.charAt(0) != b.charAt(0)) {
			return false;
		}
		String[] sa = of(a);
		String[] sb = of(b);
		for (int i = 0; i < sa.length; i++) {
			if (sa[i] != null && sa[i].equals(sb[i])) {
				return true;
			}
		}
		return false;
	}

	private static String[] of(String word) {
		String[] known = stems.get(word);
		if (known != null) {
			return known;
		}
		if (stems.size() > CACHE) {
			stems.clear();
		}
		String[] found = new String[STEMMERS.size()];
		for (int i = 0; i < found.length; i++) {
			String stem = stem(word, STEMMERS.get(i));
			found[i] = stem.length() >= STEM_FROM ? stem : null;
		}
		stems.put(word, found);
		return found;
	}

	private static String stem(String word, Function<TokenStream, TokenStream> stemmer) {
		Tokenizer tokenizer = new KeywordTokenizer();
		tokenizer.setReader(new StringReader(word));
		try (TokenStream stream = stemmer.apply(tokenizer)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			String stem = stream.incrementToken() ? term.toString() : word;
			stream.end();
			return stem;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
