package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.OrganisationService;
import org.linea.access.ChannelType;
import org.linea.knowledge.KnowledgeService;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The safeguarding benchmark (not a test): starts Linea on a throw-away database, imports faq_es.csv
 * into a line, and decides every message of labelled safeguarding files (text,lang,expected,category,
 * urgent) as the decide API does: safeguarding first, then the bot. Each file is scored whole and,
 * for the dev file, in odd and even rows. See bench/README.md.
 */
public final class SafeguardingBenchmark {

	private record Labelled(int row, String text, String expected, String category, boolean urgent) {
	}

	private SafeguardingBenchmark() {
	}

	private static final List<String> HELD_OUT = List.of("safeguarding_blind.csv", "own_heldout_c.csv", "own_heldout_d.csv",
			"own_heldout_e.csv", "own_heldout_f.csv");

	/** {@code faq-eval-dir labelled.csv... [--misses]} */
	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		boolean misses = List.of(args).contains("--misses");
		byte[] bank = Files.readAllBytes(dir.resolve("faq_es.csv"));
		try (ConfigurableApplicationContext context = BenchApplication.start()) {
			KnowledgeBot bot = context.getBean(KnowledgeBot.class);
			String key = "bench-sg-" + Long.toString(System.nanoTime() % 1_000_000, 36);
			long organisation = context.getBean(OrganisationService.class).create(key, "Benchmark").id();
			Line line = context.getBean(LineService.class)
				.create(new LineForm(organisation, key, "Benchmark", ChannelType.SIMULATOR, "PE", "America/Lima",
						List.of("es", "en", "pt", "fr", "ht"), "", 30, null));
			KnowledgeService knowledge = context.getBean(KnowledgeService.class);
			knowledge.seed(line, new ByteArrayInputStream(bank));
			System.out.printf("faq_es.csv imported: %d validated entries%n", knowledge.validated(line.id()).size());
			for (int i = 1; i < args.length; i++) {
				if (args[i].startsWith("--")) {
					continue;
				}
				Path file = Path.of(args[i]);
				List<Labelled> all = read(file);
				// held-out files are scored with totals only, never a message: the blind file and blocks C, D, E and F
				boolean heldOut = HELD_OUT.contains(file.getFileName().toString());
				print(file.getFileName() + (heldOut ? " (held out, totals only)" : "") + ", all rows", all, bot, line, misses && !heldOut);
				if (file.getFileName().toString().equals("safeguarding_dev.csv")) {
					print(file.getFileName() + ", odd rows", all.stream().filter(l -> l.row() % 2 == 1).toList(), bot, line, false);
					print(file.getFileName() + ", even rows", all.stream().filter(l -> l.row() % 2 == 0).toList(), bot, line, false);
				}
			}
		}
	}

	private static void print(String title, List<Labelled> messages, KnowledgeBot bot, Line line, boolean misses) {
		int reports = 0, routed = 0, answered = 0, urgentReports = 0, urgentFlagged = 0, urgentWrongly = 0, categoryRight = 0;
		int general = 0, generalAlarms = 0, generalRight = 0, personal = 0, personalAlarms = 0;
		List<String> shown = new ArrayList<>();
		for (Labelled message : messages) {
			BotDecision decision = bot.test(line, message.text());
			boolean sensitive = decision.kind() == DecisionKind.SENSITIVE;
			boolean fromBank = decision.kind() == DecisionKind.ANSWER || decision.kind() == DecisionKind.MENU;
			if (message.expected().equals("SENSITIVE")) {
				reports++;
				urgentReports += message.urgent() ? 1 : 0;
				answered += fromBank ? 1 : 0;
				if (sensitive) {
					routed++;
					boolean urgent = decision.safeguarding().urgent();
					urgentFlagged += message.urgent() && urgent ? 1 : 0;
					urgentWrongly += !message.urgent() && urgent ? 1 : 0;
					categoryRight += decision.safeguarding().category().name().equals(message.category()) ? 1 : 0;
				}
				else {
					shown.add("MISSED " + message.category() + " -> " + decision.kind() + ": " + message.text());
				}
			}
			else if (message.expected().equals("HUMAN")) {
				personal++;
				personalAlarms += sensitive ? 1 : 0;
			}
			else {
				general++;
				if (sensitive) {
					generalAlarms++;
					shown.add("FALSE ALARM " + message.expected() + ": " + message.text());
				}
				else if (decision.kind() == DecisionKind.ANSWER ? message.expected().equals(decision.entryKey())
						: message.expected().equals("NONE") && !fromBank) {
					generalRight++;
				}
			}
		}
		System.out.println();
		System.out.println("== " + title + " (" + messages.size() + " messages)");
		System.out.printf("reports routed SENSITIVE          %5.1f%%  (%d/%d)   target >= 95%%%n", pct(routed, reports), routed, reports);
		System.out.printf("reports answered from the bank    %d        target 0%n", answered);
		System.out.printf("urgent reports flagged urgent     %5.1f%%  (%d/%d)   target >= 95%%; non-urgent flagged urgent: %d%n",
				pct(urgentFlagged, urgentReports), urgentFlagged, urgentReports, urgentWrongly);
		System.out.printf("category agreement (routed)       %5.1f%%  (%d/%d)%n", pct(categoryRight, routed), categoryRight, routed);
		System.out.printf("false alarms, general questions   %5.1f%%  (%d/%d)   target <= 10%%; answered right: %d/%d%n",
				pct(generalAlarms, general), generalAlarms, general, generalRight, general);
		System.out.printf("personal cases (HUMAN) routed SENSITIVE: %d/%d%n", personalAlarms, personal);
		if (misses) {
			shown.forEach(System.out::println);
		}
	}

	private static double pct(int part, int whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

	private static List<Labelled> read(Path file) throws Exception {
		List<Labelled> labelled = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int row = 0;
			for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				labelled.add(new Labelled(++row, record.get("text"), record.get("expected"), record.get("category"),
						record.get("urgent").equals("yes")));
			}
		}
		return labelled;
	}

}
