package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.linea.knowledge.KnowledgeTestData;

/**
 * Matcher tuning without the application: the pure matcher on the benchmark bank. {@code -Dhalf=odd}
 * or {@code even} keeps only the odd- or even-numbered messages (1-based, as in the file) so a change
 * tuned on one half can be checked on the other; {@code -Dsize=1000} grows the bank with the
 * benchmark's made-up distractors; {@code -DanswerAt= -Dmargin= -DmenuAt=} override the thresholds.
 */
class OfflineTune {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/faq-eval");
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
		BankIndex index = BankIndex.build(analysis, bank);
		BotProperties defaults = new BotProperties(null, null, null, null, null);
		AnswerFinder finder = new AnswerFinder(Signals.load(), Courtesy.load(),
				new BotProperties(Double.parseDouble(System.getProperty("answerAt", String.valueOf(defaults.answerAt()))),
						Double.parseDouble(System.getProperty("margin", String.valueOf(defaults.margin()))),
						Double.parseDouble(System.getProperty("menuAt", String.valueOf(defaults.menuAt()))),
						Double.parseDouble(System.getProperty("clearAt", String.valueOf(defaults.clearAt()))),
						Double.parseDouble(System.getProperty("clearMargin", String.valueOf(defaults.clearMargin())))));
		MessageLanguage languages = new MessageLanguage();
		List<String> lineLanguages = List.of("es", "en", "pt", "fr", "ht");
		List<BenchScore.Labelled> all = BenchScore.read(dir.resolve("dev_questions.csv"));
		String half = System.getProperty("half", "all");
		List<BenchScore.Labelled> messages = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			boolean odd = (i + 1) % 2 == 1;
			if (half.equals("all") || (half.equals("odd") && odd) || (half.equals("even") && !odd)) {
				messages.add(all.get(i));
			}
		}
		var outcomes = BenchScore.run(messages,
				text -> finder.decide(index, text, languages.detect(text, lineLanguages, "es")), 3);
		BenchScore.print("offline, " + bank.size() + " entries, " + half + " messages", outcomes, !Boolean.getBoolean("quiet"));
	}

}
