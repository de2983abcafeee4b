package org.linea.bot;

import org.linea.knowledge.MessageLanguage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.linea.knowledge.KnowledgeTestData;

/**
 * Matcher tuning without the application: the pure matcher on the benchmark bank, on every labelled
 * file and split of bench/README.md side by side. {@code -Dset=} keeps one of them ({@code dev-odd},
 * {@code dev-even}, {@code own-a}, {@code own-b}, {@code own-c}, {@code own-d}, {@code own-e},
 * {@code safeguarding}, or several, comma-separated); {@code -DinSample=true} leaves the held-out sets out; {@code -Dsize=1000} grows the bank with the benchmark's made-up distractors;
 * {@code -DanswerAt= -Dmargin= -DmenuAt= -DclearAt= -DclearMargin= -DcoverAt=} override the
 * thresholds; {@code -Dmisses=true} lists the misses (never for the held-out sets, see README).
 */
class OfflineTune {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/faq-eval");
		Path own = Path.of(args.length > 1 ? args[1] : "bench/own_questions.csv");
		byte[] csv = Files.readAllBytes(dir.resolve("faq_es.csv"));
		int size = Integer.getInteger("size", 0);
		if (size > 0) {
			csv = FaqBenchmark.withDistractors(csv, size);
		}
		List<org.linea.knowledge.KnowledgeEntry> bank;
		try (InputStream in = new ByteArrayInputStream(csv)) {
			bank = KnowledgeTestData.validatedEntries(in);
		}
		BankAnalysis analysis = new BankAnalysis("es");
		// -Dhistory=dev-odd: that set's answerable messages as approved phrasings of their entries
		String history = System.getProperty("history", "");
		List<String> historySets = history.isEmpty() ? List.of() : List.of(history.split(","));
		java.util.Map<String, List<String>> learned = learned(BenchSets.all(dir, own).stream()
			.filter(s -> historySets.contains(s.name()))
			.flatMap(s -> s.messages().stream())
			.toList());
		BankIndex index = BankIndex.build(analysis, bank, learned);
		BotProperties defaults = new BotProperties(null, null, null, null, null, null);
		AnswerFinder finder = new AnswerFinder(Signals.load(), Courtesy.load(),
				new BotProperties(property("answerAt", defaults.answerAt()), property("margin", defaults.margin()),
						property("menuAt", defaults.menuAt()), property("clearAt", defaults.clearAt()),
						property("clearMargin", defaults.clearMargin()), property("coverAt", defaults.coverAt())));
		MessageLanguage languages = new MessageLanguage();
		List<String> lineLanguages = List.of("es", "en", "pt", "fr", "ht");
		String only = System.getProperty("set", "");
		for (BenchSets.Set set : BenchSets.all(dir, own)) {
			if ((!only.isEmpty() && !List.of(only.split(",")).contains(set.name())) || (Boolean.getBoolean("inSample") && set.heldOut())) {
				continue;
			}
			var outcomes = BenchScore.run(set.messages(),
					text -> finder.decide(index, text, languages.detect(text, lineLanguages, "es")), 2);
			boolean misses = Boolean.getBoolean("misses") && !set.heldOut();
			if (Boolean.getBoolean("brief")) {
				BenchScore.brief(set.name() + ", " + bank.size() + " entries", outcomes);
			}
			else {
				BenchScore.print(set.name() + ", " + bank.size() + " entries", outcomes, misses);
			}
		}
	}

	/** Labelled messages as the phrasings a line would have learned from them: each answerable one under its entry. */
	static java.util.Map<String, List<String>> learned(List<BenchScore.Labelled> history) {
		java.util.Map<String, List<String>> learned = new java.util.LinkedHashMap<>();
		for (BenchScore.Labelled message : history) {
			if (message.answerable()) {
				learned.computeIfAbsent(message.expected(), key -> new ArrayList<>()).add(message.text());
			}
		}
		return learned;
	}

	private static double property(String name, double fallback) {
		return Double.parseDouble(System.getProperty(name, String.valueOf(fallback)));
	}

}
