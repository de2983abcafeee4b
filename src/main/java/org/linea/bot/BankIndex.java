package org.linea.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.linea.knowledge.Answer;
import org.linea.knowledge.KnowledgeEntry;

/**
 * A Lucene index, in memory, of one line's validated entries, and the scoring of a message against
 * them. Each entry is one document: its phrasings (canonical question and alternatives) and its answer
 * in the bank's language, as terms from {@link BankAnalysis}. Lucene's BM25 picks the candidates; each
 * is then scored by how much of the message it explains (its coverage, weighted by how rare each term
 * is), so a message about something the bank does not know (the dengue, not COVID-19) scores low
 * however well one word matches. Immutable once built; rebuilt when the bank changes.
 */
final class BankIndex {

	private static final String KEY = "key";

	private static final String QUESTION = "q";

	private static final String ANSWER = "a";

	private static final String WORDS = "w";

	private static final int CANDIDATES = 12;

	private static final int MAX_CORRECTIONS = 20_000;

	// a term found only in the answer explains the message less than one found in a question
	private static final double ANSWER_ONLY = 0.5;

	private final BankAnalysis analysis;

	private final IndexSearcher searcher;

	private final Terms words;

	private final Map<String, Indexed> entries;

	// the entry of each document, by document number, read once when built, so a hit is not read back
	// from stored fields at every search
	private final Indexed[] byDocument;

	private final Map<String, Integer> documentFrequency;

	private final Map<String, String> corrections = new ConcurrentHashMap<>();

	private final Set<String> knownWords;

	private final int size;

	record Indexed(KnowledgeEntry entry, Set<String> questionTerms, Set<String> answerTerms, List<Set<String>> phrasings) {
	}

	/**
	 * An entry scored against a message.
	 * @param matched how many of the message's terms the entry has
	 * @param closest the share of the entry's closest phrasing that the message has
	 * @param coverage the rarity-weighted share of the message's terms that the entry has (a term of its
	 * answer only counting half)
	 * @param focus the rarity-weighted share of the message's terms that one phrasing of the entry has
	 * alone: words scattered over unrelated phrasings (a large bank's chance matches) explain less
	 */
	record Scored(KnowledgeEntry entry, double score, int matched, double closest, double coverage, double focus) {
	}

	private BankIndex(BankAnalysis analysis, IndexSearcher searcher, Terms words, Map<String, Indexed> entries,
			Map<String, Integer> documentFrequency, Set<String> knownWords) {
		this.analysis = analysis;
		this.searcher = searcher;
		this.words = words;
		this.entries = entries;
		this.byDocument = byDocument(searcher, entries);
		this.documentFrequency = documentFrequency;
		this.knownWords = knownWords;
		this.size = Math.max(1, entries.size());
	}

	static BankIndex build(BankAnalysis analysis, List<KnowledgeEntry> entries) {
		return build(analysis, entries, Map.of());
	}

	/**
	 * @param learned approved phrasings by entry key, indexed as phrasings of their entry (those of
	 * entries not in the list are left out)
	 */
	static BankIndex build(BankAnalysis analysis, List<KnowledgeEntry> entries, Map<String, List<String>> learned) {
		String language = analysis.language();
		Map<String, Indexed> indexed = new LinkedHashMap<>();
		Map<String, Integer> df = new HashMap<>();
		Set<String> knownWords = new HashSet<>(analysis.synonymWords());
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
			for (KnowledgeEntry entry : entries) {
				List<Set<String>> phrasings = new ArrayList<>();
				Set<String> questionTerms = new HashSet<>();
				List<String> surface = new ArrayList<>();
				List<String> all = new ArrayList<>(entry.content().phrasings());
				all.addAll(learned.getOrDefault(entry.key(), List.of()));
				for (String phrasing : all) {
					List<String> words = analysis.surfaceWords(phrasing);
					surface.addAll(words);
					Set<String> terms = new HashSet<>(analysis.terms(words, language));
					phrasings.add(terms);
					questionTerms.addAll(terms);
				}
				Answer answer = entry.content().answer(language);
				Set<String> answerTerms = new HashSet<>();
				if (answer != null) {
					List<String> words = analysis.surfaceWords(answer.text());
					surface.addAll(words);
					answerTerms.addAll(analysis.terms(words, language));
				}
				surface.removeIf(analysis::isStopWord);
				knownWords.addAll(surface);
				Set<String> terms = new HashSet<>(questionTerms);
				terms.addAll(answerTerms);
				terms.forEach(term -> df.merge(term, 1, Integer::sum));
				indexed.put(entry.key(), new Indexed(entry, questionTerms, answerTerms, phrasings));
				Document document = new Document();
				document.add(new StoredField(KEY, entry.key()));
				document.add(new TextField(QUESTION, String.join(" ", questionTerms), Field.Store.NO));
				document.add(new TextField(ANSWER, String.join(" ", answerTerms), Field.Store.NO));
				document.add(new TextField(WORDS, String.join(" ", surface), Field.Store.NO));
				writer.addDocument(document);
			}
			Document synonyms = new Document();
			synonyms.add(new TextField(WORDS, String.join(" ", analysis.synonymWords()), Field.Store.NO));
			writer.addDocument(synonyms);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			DirectoryReader reader = DirectoryReader.open(directory);
			return new BankIndex(analysis, new IndexSearcher(reader), MultiTerms.getTerms(reader, WORDS), indexed, df,
					Set.copyOf(knownWords));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Indexed[] byDocument(IndexSearcher searcher, Map<String, Indexed> entries) {
		try {
			Indexed[] byDocument = new Indexed[searcher.getIndexReader().maxDoc()];
			var stored = searcher.storedFields();
			for (int doc = 0; doc < byDocument.length; doc++) {
				String key = stored.document(doc).get(KEY);
				byDocument[doc] = key == null ? null : entries.get(key);
			}
			return byDocument;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.entries.size();
	}

	List<KnowledgeEntry> entries() {
		return this.entries.values().stream().map(Indexed::entry).toList();
	}

	KnowledgeEntry entry(String key) {
		Indexed indexed = this.entries.get(key);
		return indexed == null ? null : indexed.entry();
	}

	/** The bank's terms for a message written in this language, its spelling corrected against the bank. */
	List<String> terms(String text, String language) {
		List<String> words = new ArrayList<>();
		boolean own = language.equals(this.analysis.language());
		for (String word : this.analysis.surfaceWords(text)) {
			words.add(own ? correct(word) : word);
		}
		String from = own || this.analysis.translates(language) ? language : this.analysis.language();
		return this.analysis.terms(words, from);
	}

	/** The best entries for these terms, best first, each scored between 0 and 1. */
	List<Scored> search(List<String> terms) {
		if (terms.isEmpty() || this.entries.isEmpty()) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String term : terms) {
			query.add(new TermQuery(new Term(QUESTION, term)), BooleanClause.Occur.SHOULD);
			query.add(new BoostQuery(new TermQuery(new Term(ANSWER, term)), (float) ANSWER_ONLY), BooleanClause.Occur.SHOULD);
		}
		List<Scored> scored = new ArrayList<>();
		Set<String> termSet = new HashSet<>(terms);
		try {
			for (ScoreDoc hit : this.searcher.search(query.build(), CANDIDATES).scoreDocs) {
				scored.add(score(this.byDocument[hit.doc], terms, termSet));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		return scored;
	}

	/**
	 * How much of the message the entry explains: the rarity-weighted share of the message's terms
	 * found in the entry, blended with how much of the entry's closest phrasing the message covers and
	 * how much of the message one phrasing explains alone.
	 */
	private Scored score(Indexed entry, List<String> terms, Set<String> termSet) {
		double total = 0;
		double found = 0;
		int matched = 0;
		double[] weights = new double[terms.size()];
		for (int i = 0; i < terms.size(); i++) {
			String term = terms.get(i);
			double weight = idf(term);
			weights[i] = weight;
			total += weight;
			if (entry.questionTerms().contains(term)) {
				found += weight;
				matched++;
			}
			else if (entry.answerTerms().contains(term)) {
				found += weight * ANSWER_ONLY;
				matched++;
			}
		}
		double coverage = total == 0 ? 0 : found / total;
		double closest = 0;
		double focus = 0;
		for (Set<String> phrasing : entry.phrasings()) {
			if (!phrasing.isEmpty()) {
				long shared = phrasing.stream().filter(termSet::contains).count();
				closest = Math.max(closest, (double) shared / phrasing.size());
				double in = 0;
				for (int i = 0; i < weights.length; i++) {
					if (phrasing.contains(terms.get(i))) {
						in += weights[i];
					}
				}
				focus = Math.max(focus, total == 0 ? 0 : in / total);
			}
		}
		return new Scored(entry.entry(), 0.65 * coverage + 0.25 * closest + 0.1 * focus, matched, closest, coverage, focus);
	}

	private double idf(String term) {
		int df = this.documentFrequency.getOrDefault(term, 0);
		return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
	}

	/** The bank's word closest to a misspelt one (one edit for short words, two for long), or the word itself. */
	String correct(String word) {
		if (word.length() < 4 || this.knownWords.contains(word) || this.analysis.isStopWord(word) || this.words == null
				|| !word.chars().allMatch(Character::isLetter)) {
			return word;
		}
		String cached = this.corrections.get(word);
		if (cached != null) {
			return cached;
		}
		String closest = closestWord(word);
		if (this.corrections.size() < MAX_CORRECTIONS) {
			this.corrections.put(word, closest);
		}
		return closest;
	}

	private String closestWord(String word) {
		int edits = word.length() >= 10 ? 2 : 1;
		try {
			FuzzyTermsEnum candidates = new FuzzyTermsEnum(this.words, new Term(WORDS, word), edits, 0, true);
			String best = word;
			float bestBoost = -1;
			int bestFrequency = -1;
			BytesRef candidate;
			while ((candidate = candidates.next()) != null) {
				float boost = candidates.getBoost();
				int frequency = candidates.docFreq();
				if (boost > bestBoost || (boost == bestBoost && frequency > bestFrequency)) {
					best = candidate.utf8ToString();
					bestBoost = boost;
					bestFrequency = frequency;
				}
			}
			return best;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
