package org.linea.bot;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.linea.knowledge.KnowledgeTestData;

/** Matcher tuning without the application: the pure matcher on the benchmark bank. */
class OfflineTune {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/faq-eval");
		List<org.linea.knowledge.KnowledgeEntry> bank;
		try (InputStream in = Files.newInputStream(dir.resolve("faq_es.csv"))) {
			bank = KnowledgeTestData.validatedEntries(in);
		}
		BankAnalysis analysis = new BankAnalysis("es");
		BankIndex index = BankIndex.build(analysis, bank);
		AnswerFinder finder = new AnswerFinder(Signals.load(), Courtesy.load(), new BotProperties(Double.parseDouble(System.getProperty("answerAt", "0.55")), Double.parseDouble(System.getProperty("margin", "0.08")),
				Double.parseDouble(System.getProperty("menuAt", "0.42"))));
		MessageLanguage languages = new MessageLanguage();
		List<String> lineLanguages = List.of("es", "en", "pt", "fr", "ht");
		List<BenchScore.Labelled> messages = BenchScore.read(dir.resolve("dev_questions.csv"));
		var outcomes = BenchScore.run(messages,
				text -> finder.decide(index, text, languages.detect(text, lineLanguages, "es")), 3);
		BenchScore.print("offline, " + bank.size() + " entries", outcomes, !Boolean.getBoolean("quiet"));
	}

}
