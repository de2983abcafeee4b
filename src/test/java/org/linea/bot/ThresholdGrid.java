package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeTestData;
import org.linea.knowledge.MessageLanguage;

/**
 * The pure matcher's thresholds tried over a grid on the in-sample sets only (never a held-out one):
 * for each combination, right among answerable and wrong of all per set and in total, best totals last.
 * {@code -Dsize=1000} on the grown bank. See bench/README.md.
 */
class ThresholdGrid {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/faq-eval");
		byte[] csv = Files.readAllBytes(dir.resolve("faq_es.csv"));
		int size = Integer.getInteger("size", 0);
		if (size > 0) {
			csv = FaqBenchmark.withDistractors(csv, size);
		}
		List<KnowledgeEntry> bank;
		try (InputStream in = new ByteArrayInputStream(csv)) {
			bank = KnowledgeTestData.validatedEntries(in);
		}
		BankIndex index = BankIndex.build(new BankAnalysis("es"), bank);
		MessageLanguage languages = new MessageLanguage();
		List<String> lineLanguages = List.of("es", "en", "pt", "fr", "ht");
		Map<String, List<BenchScore.Labelled>> sets = new LinkedHashMap<>();
		Map<BenchScore.Labelled, String> language = new LinkedHashMap<>();
		for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
			if (!set.heldOut()) {
				sets.put(set.name(), set.messages());
				set.messages().forEach(m -> language.put(m, languages.detect(m.text(), lineLanguages, "es")));
			}
		}
		List<String> rows = new ArrayList<>();
		for (double answerAt : values("answerAt", "0.55")) {
			for (double clearAt : values("clearAt", "0.35")) {
				for (double clearMargin : values("clearMargin", "0.2")) {
					for (double coverAt : values("coverAt", "0.5")) {
						for (double margin : values("margin", "0.06")) {
							AnswerFinder finder = new AnswerFinder(Signals.load(), Courtesy.load(),
									new BotProperties(answerAt, margin, null, clearAt, clearMargin, coverAt));
							StringBuilder row = new StringBuilder(String.format("answerAt %.2f clearAt %.2f clearMargin %.2f coverAt %.2f margin %.2f |",
									answerAt, clearAt, clearMargin, coverAt, margin));
							int right = 0;
							int wrong = 0;
							for (var set : sets.entrySet()) {
								int r = 0;
								int w = 0;
								for (BenchScore.Labelled m : set.getValue()) {
									BotDecision d = finder.decide(index, m.text(), language.get(m));
									if (d.kind() == DecisionKind.ANSWER) {
										if (m.expected().equals(d.entryKey())) {
											r++;
										}
										else {
											w++;
										}
									}
								}
								right += r;
								wrong += w;
								row.append(String.format(" %s %d/%d", set.getKey(), r, w));
							}
							rows.add(String.format("%4d right %3d wrong | %s", right, wrong, row));
						}
					}
				}
			}
		}
		rows.sort(null);
		rows.forEach(System.out::println);
	}

	private static double[] values(String name, String fallback) {
		String[] parts = System.getProperty(name, fallback).split(",");
		double[] values = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Double.parseDouble(parts[i]);
		}
		return values;
	}

}
