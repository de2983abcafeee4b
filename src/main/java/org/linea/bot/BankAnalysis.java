package org.linea.bot;

import org.linea.knowledge.ChatText;
import org.linea.knowledge.Resources;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Turns text into the terms the bank is matched on, in three Lucene analysis steps:
 * <ol>
 * <li>surface words: tokenised, lower case, accents and elisions removed, emojis and numbers dropped;</li>
 * <li>for a message in another language than the bank's, a glossary into the bank's language;</li>
 * <li>terms: colloquial synonyms to the bank's words, stop and filler words removed, stemming (Snowball for Spanish, light for the others).</li>
 * </ol>
 * Spelling is corrected between steps 1 and 3 against the bank's own words ({@link BankIndex}).
 * Thread-safe: Lucene analyzers reuse components per thread.
 */
final class BankAnalysis {

	private static final Pattern DRAWN_OUT = Pattern.compile("(\\p{L})\\1{2,}");

	private static final Set<String> STEMMED = Set.of("es", "en", "pt", "fr");

	// kept although stop words: "where", "when", "how much" tell questions on one subject apart
	private static final Set<String> QUESTION_WORDS = Set.of("donde", "cuando", "cuanto", "cuanta", "cuantos", "cuantas",
			"quien", "quienes", "where", "when", "who", "onde", "quando", "quanto", "quem", "ou", "quand", "combien");

	private final String language;

	private final Analyzer surface;

	private final Analyzer terms;

	private final Map<String, Analyzer> glossaries = new HashMap<>();

	private final Set<String> synonymWords;

	private final CharArraySet stopWords;

	BankAnalysis(String language) {
		this.language = language;
		this.surface = surfaceAnalyzer();
		this.stopWords = stopAndFillers(language);
		SynonymMap synonyms = language.equals("es") ? synonyms("bot/synonyms-es.txt") : null;
		this.synonymWords = language.equals("es") ? leftHandWords("bot/synonyms-es.txt") : Set.of();
		this.terms = analyzer(tokens -> {
			TokenStream stream = tokens;
			if (synonyms != null) {
				stream = new SynonymGraphFilter(stream, synonyms, true);
			}
			stream = new StopFilter(stream, this.stopWords);
			return stem(language, stream);
		});
		if (language.equals("es")) {
			for (String from : List.of("en", "pt", "fr", "ht")) {
				SynonymMap glossary = synonyms("bot/glossary-" + from + ".txt");
				CharArraySet stop = stopAndFillers(from);
				this.glossaries.put(from,
						analyzer(tokens -> new StopFilter(new SynonymGraphFilter(tokens, glossary, true), stop)));
			}
		}
	}

	String language() {
		return this.language;
	}

	/** Words as written, folded; what spelling is corrected on. */
	List<String> surfaceWords(String text) {
		return run(this.surface, text);
	}

	boolean isStopWord(String word) {
		return this.stopWords.contains(word);
	}

	/** Words of a colloquial synonym, which spelling may be corrected to like the bank's words. */
	Set<String> synonymWords() {
		return this.synonymWords;
	}

	/** The bank's terms for these surface words written in {@code from}. */
	List<String> terms(List<String> words, String from) {
		String text = String.join(" ", words);
		Analyzer glossary = from.equals(this.language) ? null : this.glossaries.get(from);
		if (glossary != null) {
			text = String.join(" ", run(glossary, text));
		}
		return new ArrayList<>(new LinkedHashSet<>(run(this.terms, text)));
	}

	/** Whether a message in this language is matched through a glossary into the bank's language. */
	boolean translates(String from) {
		return this.glossaries.containsKey(from);
	}

	private static TokenStream stem(String language, TokenStream stream) {
		return switch (language) {
			// Snowball, not the light stemmer: verbs too ("inscribo", "inscribirse"; "cobra", "cobrando")
			case "es" -> new SnowballFilter(stream, new SpanishStemmer());
			case "en" -> new EnglishMinimalStemFilter(stream);
			case "pt" -> new PortugueseLightStemFilter(stream);
			case "fr" -> new FrenchLightStemFilter(stream);
			default -> stream;
		};
	}

	private static Analyzer surfaceAnalyzer() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
				stream = new ASCIIFoldingFilter(stream);
				stream = new TypeTokenFilter(stream, Set.of("<EMOJI>", "<NUM>"));
				return new TokenStreamComponents(tokenizer, stream);
			}

			@Override
			protected java.io.Reader initReader(String field, java.io.Reader reader) {
				return new PatternReplaceCharFilter(DRAWN_OUT, "$1", reader);
			}
		};
	}

	private static Analyzer analyzer(Function<Tokenizer, TokenStream> chain) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new WhitespaceTokenizer();
				return new TokenStreamComponents(tokenizer, chain.apply(tokenizer));
			}
		};
	}

	private static CharArraySet stopAndFillers(String language) {
		CharArraySet base = switch (language) {
			case "es" -> SpanishAnalyzer.getDefaultStopSet();
			// Snowball's list, not Lucene's 33 words: "what", "how", "from" left in a message translated
			// through the glossary are words the bank cannot have and would count as unexplained
			case "en" -> snowballStopWords("english_stop.txt");
			case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
			case "fr" -> FrenchAnalyzer.getDefaultStopSet();
			default -> CharArraySet.EMPTY_SET;
		};
		CharArraySet words = new CharArraySet(256, true);
		for (Object word : base) {
			String folded = ChatText.fold(new String((char[]) word));
			if (!QUESTION_WORDS.contains(folded)) {
				words.add(folded);
			}
		}
		if (STEMMED.contains(language) || language.equals("ht")) {
			Resources.lines("bot/fillers-" + language + ".txt").forEach(word -> words.add(ChatText.fold(word)));
		}
		return CharArraySet.unmodifiableSet(words);
	}

	private static CharArraySet snowballStopWords(String file) {
		try {
			return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(SnowballFilter.class.getResourceAsStream(file), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private SynonymMap synonyms(String path) {
		try {
			SolrSynonymParser parser = new SolrSynonymParser(true, false, this.surface);
			parser.parse(new StringReader(Resources.text(path)));
			return parser.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(path + ": " + ex.getMessage(), ex);
		}
	}

	private Set<String> leftHandWords(String path) {
		Set<String> words = new LinkedHashSet<>();
		for (String line : Resources.lines(path)) {
			String left = line.contains("=>") ? line.substring(0, line.indexOf("=>")) : line;
			for (String phrase : left.split(",")) {
				words.addAll(run(this.surface, phrase));
			}
		}
		return Set.copyOf(words);
	}

	private static List<String> run(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String value = term.toString();
				// a multi-word synonym comes out as one token with spaces
				for (String part : value.split(" ")) {
					if (!part.isEmpty()) {
						out.add(part);
					}
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

}
