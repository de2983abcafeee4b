package org.linea.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two texts are, the one measure for grouping what people write (rumour reports, questions
 * the bot could not answer): the share of terms they have in common (Dice coefficient). Terms come
 * from {@link #terms}, the words as Lucene analyses them in the message's language (lower case, stop
 * words out, accents folded, lightly stemmed, so "cancelan el bono" and "el bono se cancela" share
 * their terms), or from a caller's own analysis of the same kind (the bot's bank vocabulary).
 */
public final class TextSimilarity {

	/** Alike from here on: e.g. four shared terms of six on each side. */
	public static final double ALIKE = 0.5;

	private static final Map<String, Analyzer> BY_LANGUAGE = Map.of(
			"es", analyzer(SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new),
			"en", analyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishMinimalStemFilter::new),
			"pt", analyzer(PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new),
			"fr", analyzer(FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new));

	private static final Analyzer UNSTEMMED = analyzer(CharArraySet.EMPTY_SET, UnaryOperator.identity());

	private TextSimilarity() {
	}

	/** The text's terms in this language (unstemmed, no stop words taken out, in a language without an analyser). */
	public static Set<String> terms(String text, String language) {
		Analyzer analyzer = BY_LANGUAGE.getOrDefault(language, UNSTEMMED);
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = analyzer.tokenStream("text", text == null ? "" : text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/**
	 * Shared terms over the terms of both, 0 (nothing shared, or only one has terms) to 1 (the same
	 * terms, also when neither has any).
	 */
	public static double of(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return a.isEmpty() && b.isEmpty() ? 1 : 0;
		}
		long shared = a.stream().filter(b::contains).count();
		return 2.0 * shared / (a.size() + b.size());
	}

	private static Analyzer analyzer(CharArraySet stopWords, UnaryOperator<TokenStream> stemmer) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokens = new StandardTokenizer();
				TokenStream stream = new StopFilter(new LowerCaseFilter(tokens), stopWords);
				stream = new LengthFilter(new ASCIIFoldingFilter(stream), 3, 40);
				return new TokenStreamComponents(tokens, stemmer.apply(stream));
			}
		};
	}

}
