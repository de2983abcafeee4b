package org.linea.bot;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores the bot on labelled messages ({@code text, lang, expected, kind}; expected is an entry id,
 * NONE, HUMAN or SENSITIVE) and prints the figures the benchmark reports.
 */
final class BenchScore {

	record Labelled(String text, String language, String expected, String kind) {

		boolean answerable() {
			return !List.of("NONE", "HUMAN", "SENSITIVE").contains(this.expected);
		}

	}

	record Outcome(Labelled message, BotDecision decision, long nanos) {

		boolean answered() {
			return this.decision.kind() == DecisionKind.ANSWER;
		}

		boolean right() {
			return answered() && this.message.expected().equals(this.decision.entryKey());
		}

		boolean wrong() {
			return answered() && !right();
		}

		boolean inMenu() {
			return this.decision.kind() == DecisionKind.MENU && this.decision.menu().contains(this.message.expected());
		}

	}

	private BenchScore() {
	}

	static List<Labelled> read(Path csv) throws IOException {
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			List<Labelled> messages = new ArrayList<>();
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				messages.add(new Labelled(r.get("text"), r.get("lang"), r.get("expected"), r.get("kind")));
			}
			return messages;
		}
	}

	/** A labelled file whose fourth column may be {@code category} instead of {@code kind} (safeguarding_dev.csv). */
	static List<Labelled> readAny(Path csv) throws IOException {
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			List<Labelled> messages = new ArrayList<>();
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				messages.add(new Labelled(r.get("text"), r.get("lang"), r.get("expected"),
						r.isMapped("kind") ? r.get("kind") : r.get("category")));
			}
			return messages;
		}
	}

	/** One line: right among answerable, wrong over all, handed over, HUMAN+SENSITIVE answered. */
	static void brief(String title, List<Outcome> outcomes) {
		long answerable = outcomes.stream().filter(o -> o.message().answerable()).count();
		long right = outcomes.stream().filter(o -> o.message().answerable() && o.right()).count();
		long wrong = outcomes.stream().filter(Outcome::wrong).count();
		long handedOver = outcomes.stream().filter(o -> o.decision().handOff()).count();
		// what those that had to reach a person got instead (the decision only: held-out texts stay unread)
		Map<String, Long> instead = outcomes.stream()
			.filter(o -> List.of("HUMAN", "SENSITIVE").contains(o.message().expected()) && !o.decision().handOff())
			.collect(Collectors.groupingBy(o -> o.message().expected() + "->" + o.decision().kind() + "/" + o.decision().reason(),
					TreeMap::new, Collectors.counting()));
		long mustAnswered = instead.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("%-34s right %5.1f%% (%3d/%3d)  wrong %4.1f%% (%2d/%3d)  handed over %3d  HUMAN/SENSITIVE not handed over %d%s%n",
				title, pct(right, answerable), right, answerable, pct(wrong, outcomes.size()), wrong, outcomes.size(), handedOver,
				mustAnswered, instead.isEmpty() ? "" : " " + instead);
	}

	/** Right among answerable and wrong among all, as one short cell of a table. */
	static String cell(List<Outcome> outcomes) {
		long answerable = outcomes.stream().filter(o -> o.message().answerable()).count();
		long right = outcomes.stream().filter(o -> o.message().answerable() && o.right()).count();
		long wrong = outcomes.stream().filter(Outcome::wrong).count();
		return String.format("%5.1f%% (%3d/%3d) / %4.1f%% (%2d/%3d)", pct(right, answerable), right, answerable,
				pct(wrong, outcomes.size()), wrong, outcomes.size());
	}

	/** Decides every message, {@code rounds} times (the first rounds warm the JVM up; the last is kept). */
	static List<Outcome> run(List<Labelled> messages, Function<String, BotDecision> bot, int rounds) {
		List<Outcome> outcomes = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			outcomes.clear();
			for (Labelled message : messages) {
				long start = System.nanoTime();
				BotDecision decision = bot.apply(message.text());
				outcomes.add(new Outcome(message, decision, System.nanoTime() - start));
			}
		}
		return outcomes;
	}

	static void print(String title, List<Outcome> outcomes, boolean details) {
		long answerable = outcomes.stream().filter(o -> o.message().answerable()).count();
		long right = outcomes.stream().filter(o -> o.message().answerable() && o.right()).count();
		long inMenu = outcomes.stream().filter(o -> o.message().answerable() && o.inMenu()).count();
		long wrong = outcomes.stream().filter(Outcome::wrong).count();
		long handedOver = outcomes.stream().filter(o -> o.decision().handOff()).count();
		long menus = outcomes.stream().filter(o -> o.decision().kind() == DecisionKind.MENU).count();
		long mustHandOver = outcomes.stream().filter(o -> List.of("HUMAN", "SENSITIVE").contains(o.message().expected())).count();
		long handedOverRightly = outcomes.stream()
			.filter(o -> List.of("HUMAN", "SENSITIVE").contains(o.message().expected()) && o.decision().handOff())
			.count();
		long sensitive = outcomes.stream().filter(o -> o.message().expected().equals("SENSITIVE")).count();
		long sensitiveAnswered = outcomes.stream()
			.filter(o -> o.message().expected().equals("SENSITIVE") && o.answered())
			.count();
		long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
		System.out.println();
		System.out.println("== " + title + " ==");
		System.out.printf("messages                         %d (%d answerable)%n", outcomes.size(), answerable);
		System.out.printf("right among answerable            %5.1f%%  (%d/%d)%n", pct(right, answerable), right, answerable);
		System.out.printf("  + right entry offered in a menu %5.1f%%  (%d)%n", pct(inMenu, answerable), inMenu);
		System.out.printf("wrong answers, over all messages  %5.1f%%  (%d/%d)%n", pct(wrong, outcomes.size()), wrong, outcomes.size());
		System.out.printf("handed over                       %5.1f%%  (%d)%n", pct(handedOver, outcomes.size()), handedOver);
		System.out.printf("menus                             %5.1f%%  (%d)%n", pct(menus, outcomes.size()), menus);
		System.out.printf("HUMAN+SENSITIVE handed over       %5.1f%%  (%d/%d); SENSITIVE answered: %d of %d%n",
				pct(handedOverRightly, mustHandOver), handedOverRightly, mustHandOver, sensitiveAnswered, sensitive);
		System.out.printf("latency per decision              p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", percentile(nanos, 50),
				percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
		System.out.println("per kind      n   right  wrong  menu  handoff  greeting");
		Map<String, List<Outcome>> byKind = new TreeMap<>();
		outcomes.forEach(o -> byKind.computeIfAbsent(o.message().kind(), k -> new ArrayList<>()).add(o));
		byKind.forEach((kind, list) -> System.out.printf("%-12s %3d  %5s  %5d  %4d  %7d  %8d%n", kind, list.size(),
				list.stream().anyMatch(o -> o.message().answerable())
						? String.valueOf(list.stream().filter(Outcome::right).count()) : "-",
				list.stream().filter(Outcome::wrong).count(),
				list.stream().filter(o -> o.decision().kind() == DecisionKind.MENU).count(),
				list.stream().filter(o -> o.decision().handOff()).count(),
				list.stream().filter(o -> o.decision().kind() == DecisionKind.GREETING).count()));
		System.out.println("per language  n   answerable  right  wrong  handoff");
		Map<String, List<Outcome>> byLanguage = new TreeMap<>();
		outcomes.forEach(o -> byLanguage.computeIfAbsent(o.message().language(), k -> new ArrayList<>()).add(o));
		byLanguage.forEach((language, list) -> System.out.printf("%-12s %3d  %10d  %5d  %5d  %7d%n", language, list.size(),
				list.stream().filter(o -> o.message().answerable()).count(), list.stream().filter(Outcome::right).count(),
				list.stream().filter(Outcome::wrong).count(), list.stream().filter(o -> o.decision().handOff()).count()));
		if (details) {
			System.out.println("misses (expected -> decision):");
			for (Outcome o : outcomes) {
				boolean ok = o.right() || (!o.message().answerable() && !o.answered()
						&& !(o.message().expected().equals("NONE") && o.decision().kind() == DecisionKind.MENU)
						&& (o.message().expected().equals("NONE") || o.decision().handOff()));
				if (!ok) {
					System.out.printf("  %-9s -> %-9s %-8s %-18s %.2f %s | %s%n", o.message().expected(), o.decision().kind(),
							o.decision().entryKey() == null ? String.join(",", o.decision().menu()) : o.decision().entryKey(),
							o.decision().reason(), o.decision().score(), o.decision().candidates().stream()
								.limit(3).map(c -> c.entryKey() + "=" + c.score()).toList(), o.message().text());
				}
			}
		}
	}

	private static double pct(long part, long whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

	private static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	static List<String> args(String[] args) {
		return Arrays.asList(args);
	}

}
