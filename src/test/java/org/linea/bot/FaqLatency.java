package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.linea.access.Line;
import org.linea.knowledge.KnowledgeService;
import org.linea.knowledge.MessageLanguage;
import org.linea.safeguarding.Detector;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of one automatic-answer decision (not a test; bench/faq-latency.sh): the labelled messages of
 * every set of bench/README.md decided on the 74-entry bank and on the bank grown to 1,000 entries,
 * {@code -Dwarmup=} rounds of the whole decision on both banks first, {@code -Dwarmup=} rounds of each measured stage
 * before it, then {@code -Drounds=} measured rounds; p50, p99 and max of the whole
 * decision (as the test page and API: safeguarding screen, language detection, the bank's index with its
 * revision check, search and scoring) and of each of its stages alone.
 */
public final class FaqLatency {

	private FaqLatency() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/faq-eval");
		int warmup = Integer.getInteger("warmup", 5);
		int rounds = Integer.getInteger("rounds", 5);
		byte[] bank = Files.readAllBytes(dir.resolve("faq_es.csv"));
		List<String> texts = new ArrayList<>();
		for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
			set.messages().forEach(m -> texts.add(m.text()));
		}
		try (ConfigurableApplicationContext context = BenchApplication.start()) {
			KnowledgeBot bot = context.getBean(KnowledgeBot.class);
			KnowledgeService knowledge = context.getBean(KnowledgeService.class);
			BankIndexes indexes = context.getBean(BankIndexes.class);
			Detector safeguarding = context.getBean(Detector.class);
			MessageLanguage languages = context.getBean(MessageLanguage.class);
			BotProperties thresholds = context.getBean(BotProperties.class);
			AnswerFinder finder = new AnswerFinder(Signals.load(), Courtesy.load(), thresholds);
			System.out.printf("%d messages (every set), %d warm-up rounds, %d measured rounds; times in ms%n", texts.size(), warmup, rounds);
			System.out.printf("%-40s %8s %8s %8s%n", "", "p50", "p99", "max");
			// both banks first, and warmed through the whole decision before anything is measured: a running line has
			// decided thousands of messages, so the bank measured first must not pay the JIT's and the heap's start
			List<Line> banks = new ArrayList<>();
			for (int size : new int[] { 0, 1000 }) {
				Line line = FaqBenchmark.newLine(context, "latency");
				knowledge.seed(line, new ByteArrayInputStream(size == 0 ? bank : FaqBenchmark.withDistractors(bank, size)));
				banks.add(line);
			}
			for (int round = 0; round < warmup; round++) {
				for (Line line : banks) {
					texts.forEach(text -> bot.test(line, text));
				}
			}
			for (Line line : banks) {
				int entries = knowledge.validated(line.id()).size();
				BankIndex index = indexes.of(line);
				String title = entries + " entries, ";
				measure(title + "whole decision", texts, warmup, rounds, text -> bot.test(line, text));
				measure(title + "  safeguarding screen", texts, warmup, rounds, safeguarding::screen);
				measure(title + "  language detection", texts, warmup, rounds, text -> languages.detect(text, line.languages(), "es"));
				measure(title + "  bank index (revision check)", texts, warmup, rounds, text -> indexes.of(line));
				measure(title + "  matcher (AnswerFinder)", texts, warmup, rounds, text -> finder.decide(index, text, "es"));
				// what was decided, so a change made for speed can be shown to decide the same: the sets' figures
				// and a digest of every decision (kind, reason, entry, menu, score)
				StringBuilder decided = new StringBuilder();
				for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
					var outcomes = BenchScore.run(set.messages(), text -> bot.test(line, text), 1);
					BenchScore.brief("  " + set.name() + (set.heldOut() ? " (held out)" : ""), outcomes);
					outcomes.forEach(o -> decided.append(o.decision().kind()).append(o.decision().reason()).append(o.decision().entryKey())
						.append(o.decision().menu()).append(Math.round(o.decision().score() * 1e6)).append('\n'));
				}
				System.out.printf("  decisions digest %08x%n", decided.toString().hashCode());
			}
		}
	}

	private static void measure(String title, List<String> texts, int warmup, int rounds, Consumer<String> decision) {
		for (int round = 0; round < warmup; round++) {
			texts.forEach(decision);
		}
		long[] nanos = new long[texts.size() * rounds];
		int i = 0;
		for (int round = 0; round < rounds; round++) {
			for (String text : texts) {
				long start = System.nanoTime();
				decision.accept(text);
				nanos[i++] = System.nanoTime() - start;
			}
		}
		Arrays.sort(nanos);
		System.out.printf("%-40s %8.3f %8.3f %8.3f%n", title, at(nanos, 50), at(nanos, 99), nanos[nanos.length - 1] / 1e6);
	}

	private static double at(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
