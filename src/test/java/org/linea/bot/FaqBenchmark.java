package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.OrganisationService;
import org.linea.access.ChannelType;
import org.linea.knowledge.KnowledgeService;
import org.linea.knowledge.PhrasingService;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The automatic-answer benchmark (not a test): starts Linea on a throw-away embedded database, imports
 * faq_es.csv into a new line through the knowledge service, and decides every labelled message of
 * dev_questions.csv as the test page and API do. Then does the same with the bank grown to 1,000
 * entries by made-up distractors, for latency at size. See bench/README.md.
 */
public final class FaqBenchmark {

	private static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "ht");

	private FaqBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/faq-eval");
		boolean details = List.of(args).contains("--misses");
		byte[] bank = Files.readAllBytes(dir.resolve("faq_es.csv"));
		List<BenchScore.Labelled> messages = BenchScore.read(dir.resolve("dev_questions.csv"));
		try (ConfigurableApplicationContext context = BenchApplication.start()) {
			KnowledgeBot bot = context.getBean(KnowledgeBot.class);
			KnowledgeService knowledge = context.getBean(KnowledgeService.class);
			Line line = newLine(context, "bench");
			knowledge.seed(line, new ByteArrayInputStream(bank));
			int size = knowledge.validated(line.id()).size();
			BenchScore.print("faq_es.csv, " + size + " entries", BenchScore.run(messages, text -> bot.test(line, text), 5), details);
			// in-sample and held-out side by side (bench/README.md): the dev halves, our own file's halves, safeguarding_dev.csv
			System.out.println();
			for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
				BenchScore.brief(set.name() + (set.heldOut() ? " (held out)" : ""), BenchScore.run(set.messages(), text -> bot.test(line, text), 3));
			}
			for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
				if (set.name().startsWith("own")) {
					BenchScore.print(set.name() + " by language", BenchScore.run(set.messages(), text -> bot.test(line, text), 1), false);
				}
			}

			// learned phrasings (issue 15 item 3): dev-odd's answerable messages imported as the "history" of a
			// second line (approved phrasings of their labelled entries, through the same import as the API), then
			// every set scored on both lines. dev-odd is in-sample for the history; the other sets are not in it.
			Line learning = newLine(context, "bench-history");
			knowledge.seed(learning, new ByteArrayInputStream(bank));
			List<BenchSets.Set> sets = BenchSets.all(dir, Path.of("bench/own_questions.csv"));
			List<BenchScore.Labelled> history = sets.stream().filter(set -> set.name().equals("dev-odd")).findFirst().orElseThrow().messages();
			var imported = context.getBean(PhrasingService.class).seed(learning, new ByteArrayInputStream(historyCsv(history)));
			System.out.println();
			System.out.printf("Learned phrasings: %d of dev-odd's answerable messages imported as history (%d already known)%n",
					imported.imported(), imported.unchanged());
			System.out.printf("%-32s %-36s %-36s%n", "set (right among answerable / wrong of all)", "without history", "with dev-odd as history");
			for (BenchSets.Set set : sets) {
				String role = set.name().equals("dev-odd") ? " (in history)" : set.heldOut() ? " (held out)" : " (not in history)";
				System.out.printf("%-32s %-36s %-36s%n", set.name() + role, BenchScore.cell(BenchScore.run(set.messages(), text -> bot.test(line, text), 2)),
						BenchScore.cell(BenchScore.run(set.messages(), text -> bot.test(learning, text), 2)));
			}

			Line large = newLine(context, "bench-1000");
			knowledge.seed(large, new ByteArrayInputStream(withDistractors(bank, 1000)));
			int largeSize = knowledge.validated(large.id()).size();
			BenchScore.print("faq_es.csv + made-up distractors, " + largeSize + " entries",
					BenchScore.run(messages, text -> bot.test(large, text), 5), false);
			System.out.println();
			for (BenchSets.Set set : BenchSets.all(dir, Path.of("bench/own_questions.csv"))) {
				BenchScore.brief(set.name() + ", 1,000 entries", BenchScore.run(set.messages(), text -> bot.test(large, text), 3));
			}
		}
	}

	/** Labelled messages as a phrasings file ({@code text,entry}): the answerable ones under their entry. */
	static byte[] historyCsv(List<BenchScore.Labelled> history) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			printer.printRecord("text", "entry");
			for (BenchScore.Labelled message : history) {
				if (message.answerable()) {
					printer.printRecord(message.text(), message.expected());
				}
			}
		}
		return out.toByteArray();
	}

	static Line newLine(ConfigurableApplicationContext context, String prefix) {
		OrganisationService organisations = context.getBean(OrganisationService.class);
		String key = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
		long organisation = organisations.create(key, "Benchmark").id();
		return context.getBean(LineService.class)
			.create(new LineForm(organisation, key, "Benchmark", ChannelType.SIMULATOR, "PE", "America/Lima", LANGUAGES, "", 30, null));
	}

	/**
	 * The bank plus made-up entries up to {@code total}: questions and answers of words drawn at random
	 * (fixed seed) from the bank's own text, so they share its vocabulary as a large real bank would.
	 */
	static byte[] withDistractors(byte[] bank, int total) throws Exception {
		List<CSVRecord> records;
		try (InputStream in = new ByteArrayInputStream(bank)) {
			records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
		}
		Set<String> questionWords = new TreeSet<>();
		Set<String> answerWords = new TreeSet<>();
		for (CSVRecord record : records) {
			for (String word : (record.get("question") + " " + record.get("alt_questions")).split("[\\s¿?,.|]+")) {
				if (word.length() > 3) {
					questionWords.add(word.toLowerCase());
				}
			}
			for (String word : record.get("answer_es").split("[\\s,.:;]+")) {
				if (word.length() > 3) {
					answerWords.add(word.toLowerCase());
				}
			}
		}
		List<String> qWords = new ArrayList<>(questionWords);
		List<String> aWords = new ArrayList<>(answerWords);
		Random random = new Random(42);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			printer.printRecord("id", "topic", "question", "alt_questions", "answer_es", "answer_en");
			for (CSVRecord record : records) {
				printer.printRecord(record.get("id"), record.get("topic"), record.get("question"), record.get("alt_questions"),
						record.get("answer_es"), record.get("answer_en"));
			}
			for (int i = records.size(); i < total; i++) {
				List<String> alternatives = new ArrayList<>();
				for (int a = 0; a < 3; a++) {
					alternatives.add(words(qWords, random, 4 + random.nextInt(4)) + "?");
				}
				printer.printRecord(String.format("FILL-%04d", i), "relleno", "¿" + words(qWords, random, 5) + "?",
						String.join(" | ", alternatives), words(aWords, random, 30), "");
			}
		}
		return out.toByteArray();
	}

	private static String words(List<String> from, Random random, int count) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			words.add(from.get(random.nextInt(from.size())));
		}
		return String.join(" ", words);
	}

}
