package org.linea.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.linea.shared.LineaProperties;
import org.linea.shared.Warmup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a person's message for a safeguarding report before the bot and before anything is sent.
 * Concepts from the signals files of every language ({@code safeguarding/<lang>.txt}) are found in
 * the message, typos and accents folded, and {@code safeguarding/rules.txt} combines them into a
 * category (who asks what of whom, who harms whom) and urgency. A general question about these
 * topics is not a report; a question that also tells of a case is. A report spread over two
 * messages is read with the previous message.
 */
@Component
public class Detector {

	static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "ht");

	private final SafeguardingText text;

	private final Signals signals;

	private final Rules rules;

	/** learned while the application starts when Spring builds the detector: reading a message waits for it */
	private final CompletableFuture<Model> model;

	private final Calibration calibration;

	/**
	 * The model is learned on a thread of its own while the application starts (see {@link Warmup}), or read
	 * back from the data directory when it was learned from the same inputs before ({@link ModelCache}).
	 */
	@Autowired
	Detector(SafeguardingProperties properties, LineaProperties linea, Warmup warmup) {
		this(signalFiles(properties.signalsDir()), withShipped(organisationExamples(properties)), Calibration.SHIPPED, warmup,
				new ModelCache(Path.of(linea.dataDir(), "cache")));
	}

	public Detector(SafeguardingProperties properties) {
		this(signalFiles(properties.signalsDir()), List.copyOf(organisationFiles(properties.signalsDir(), ".csv").values()));
	}

	Detector(Map<String, List<String>> extraSignals) {
		this(extraSignals, List.of());
	}

	Detector(Map<String, List<String>> extraSignals, List<String> extraExamples) {
		this(extraSignals, withShipped(extraExamples), Calibration.SHIPPED);
	}

	/** Learning only from these examples (each a {@code text,label,urgent} file), for measuring the model. */
	Detector(Map<String, List<String>> extraSignals, List<String> examples, Calibration calibration) {
		this(extraSignals, examples, calibration, null, new ModelCache(null));
	}

	/** @param warmup where to learn the model in the background, or {@code null} to learn it now */
	private Detector(Map<String, List<String>> extraSignals, List<String> examples, Calibration calibration, Warmup warmup,
			ModelCache cache) {
		List<String> spellings = lines("safeguarding/spellings.txt");
		this.text = new SafeguardingText(spellings(spellings));
		Map<String, List<String>> files = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			files.put("safeguarding/" + language + ".txt", lines("safeguarding/" + language + ".txt"));
		}
		files.putAll(extraSignals);
		this.signals = Signals.parse(files, this.text);
		this.rules = Rules.parse(lines("safeguarding/rules.txt"), this.signals);
		// what the examples are made from: with the model kept, a restart reads none of them
		List<String> sources = new ArrayList<>(examples);
		files.forEach((file, lines) -> sources.add(file + "\n" + String.join("\n", lines)));
		sources.add(String.join("\n", spellings));
		Supplier<Model> learn = () -> cache.learned(sources, () -> {
			List<Model.Example> learned = new ArrayList<>();
			examples.forEach(csv -> learned.addAll(examples(csv)));
			return learned;
		});
		this.model = warmup == null ? CompletableFuture.completedFuture(learn.get()) : warmup.start("safeguarding-model", learn);
		this.calibration = calibration;
	}

	private Detector(Detector learned, Calibration calibration) {
		this.text = learned.text;
		this.signals = learned.signals;
		this.rules = learned.rules;
		this.model = learned.model;
		this.calibration = calibration;
	}

	/** The same signals, rules and model read with another calibration, for choosing one. */
	Detector with(Calibration calibration) {
		return new Detector(this, calibration);
	}

	/**
	 * When the model's reading counts. A message of fewer than {@code words} words (not counting numbers and
	 * question marks: menu choices, survey answers, greetings) is read by the rules alone. Otherwise it is a
	 * report when the model's probability reaches {@code report} and some concept of what happened was found
	 * (not only {@code [context]} concepts of rules.txt: who, when), or {@code alone} without any; a message the rules read as a general question is a report only
	 * from {@code overrule}; a report is urgent from {@code urgent}, or by any urgent rule, whatever its category;
	 * a report of the rules that no urgent rule marks is not one when the model's probability is under {@code veto};
	 * with no category rule, a message an urgent rule fires on (a cue of danger now) is a report from {@code cued}.
	 * Chosen by five-fold cross-validation ({@code ModelCheck}) under false alarms on ordinary traffic <= 4 % (bench/README).
	 * {@code urgent} went from 0.4 to 0.3 in session 9: a writer the model did not learn from words danger in ways it reads
	 * as less likely urgent (folds of one writer each: 526 -> 540 of 595 urgent reports; block J before it was learned 143 ->
	 * 149 of 172), for more non-urgent reports put at the top (117 -> 165 of 898); routing does not change.
	 * {@code alone} went from 0.8 to 0.775 in session 10 with the model learned with dropout ({@link Model#DROPOUT}), whose
	 * probabilities lie closer to the middle: folds of one writer each 1,338 -> 1,362 of 1,493 reports routed for false
	 * alarms on ordinary traffic 85 -> 79 of 1,760; block K before it was learned 189 -> 192 of 200.
	 */
	record Calibration(int words, double report, double alone, double overrule, double urgent, double veto, double cued) {

		static final Calibration SHIPPED = new Calibration(4, 0.7, 0.775, 0.9, 0.3, 0.2, 0.4);

		Calibration(int words, double report, double alone, double overrule, double urgent, double veto) {
			this(words, report, alone, overrule, urgent, veto, report);
		}

	}

	static String shippedExamples() {
		return resource("safeguarding/examples.csv");
	}

	private static List<String> organisationExamples(SafeguardingProperties properties) {
		return List.copyOf(organisationFiles(properties.signalsDir(), ".csv").values());
	}

	private static List<String> withShipped(List<String> extraExamples) {
		List<String> all = new ArrayList<>();
		all.add(shippedExamples());
		all.addAll(extraExamples);
		return all;
	}

	/**
	 * The message alone, or with the person's previous message when it does not read as a report alone; a report
	 * alone that is not urgent is urgent when it is with the previous message.
	 */
	public Finding screen(String message, String previous) {
		List<String> own = this.text.words(message);
		Finding alone = screen(own, own);
		if (alone.urgent() || previous == null || previous.isBlank()) {
			return alone;
		}
		List<String> both = new ArrayList<>(this.text.words(previous));
		both.addAll(own);
		Finding together = screen(both, own);
		if (alone.sensitive()) {
			// a report whose danger was said just before ("he is coming back tonight", then "he beat me"): urgent
			if (!together.urgent()) {
				return alone;
			}
			List<String> shown = new ArrayList<>(alone.signals());
			together.signals().stream().filter(signal -> !alone.signals().contains(signal))
				.forEach(signal -> shown.add("with the previous message: " + signal));
			return new Finding(true, alone.category(), true, shown, alone.reason());
		}
		return together.sensitive()
				? new Finding(true, together.category(), together.urgent(), together.signals(), "REPORT_WITH_PREVIOUS_MESSAGE")
				: alone;
	}

	public Finding screen(String message) {
		return screen(message, null);
	}

	/** The model's probability that a message is a report, alone, for measuring it. */
	double reportProbability(String message) {
		List<String> words = this.text.words(message);
		return model().report(words, this.signals.found(words).keySet()).probability();
	}

	/** @param own the words of the message itself, without a previous one */
	private Finding screen(List<String> words, List<String> own) {
		Map<String, String> found = this.signals.found(words);
		List<String> shown = new ArrayList<>();
		found.forEach((concept, term) -> shown.add(concept + ": " + term));
		Map<Category, Double> scores = new EnumMap<>(Category.class);
		List<Rules.Rule> fired = new ArrayList<>();
		for (Rules.Rule rule : this.rules.categories) {
			if (rule.fires(found)) {
				scores.merge(Category.valueOf(rule.category()), rule.weight(), Math::max);
				fired.add(rule);
			}
		}
		// what the model reads, worked out once for its report, category and urgency readings
		Model.Reading reading = substantial(own) ? Model.Reading.of(words, found.keySet()) : null;
		Model.Score report = reading != null ? model().report(reading) : null;
		if (report != null) {
			shown.add(report.shown("report"));
		}
		Category category;
		if (fired.isEmpty()) {
			boolean backed = found.keySet().stream().anyMatch(concept -> !this.rules.context.contains(concept));
			// a cue of danger now (an urgent rule: a knife tonight, pills and a goodbye) lowers the bar: missing it costs most
			boolean cued = this.rules.urgent.stream().anyMatch(rule -> rule.fires(found));
			double needed = cued ? Math.min(this.calibration.cued(), this.calibration.report())
					: backed ? this.calibration.report() : this.calibration.alone();
			boolean enough = report != null && report.probability() >= needed;
			if (!enough) {
				return Finding.none(shown, "NONE");
			}
			Map.Entry<Category, Model.Score> likeliest = model().category(reading);
			category = likeliest.getKey();
			shown.add(likeliest.getValue().shown(category.name()));
		}
		else {
			category = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		}
		// urgency does not hang on the category: a knife tonight is urgent whether the report reads as GBV or CHILD
		boolean urgent = this.rules.urgent.stream()
			.filter(rule -> rule.fires(found))
			.peek(fired::add)
			.findAny()
			.isPresent();
		fired.forEach(rule -> shown.add("rule " + rule.source()));
		boolean notReport = !urgent && this.rules.notReports.stream()
			.filter(rule -> rule.appliesTo(category))
			.anyMatch(rule -> rule.fires(found));
		if (notReport && (report == null || report.probability() < this.calibration.overrule())) {
			return Finding.none(shown, "GENERAL_QUESTION");
		}
		if (!urgent && report != null && report.probability() < this.calibration.veto()) {
			return Finding.none(shown, "GENERAL_QUESTION");
		}
		if (!urgent && report != null) {
			Model.Score likelyUrgent = model().urgent(reading);
			if (likelyUrgent.probability() >= this.calibration.urgent()) {
				urgent = true;
				shown.add(likelyUrgent.shown("urgent"));
			}
		}
		return new Finding(true, category, urgent, shown, "REPORT");
	}

	/** The learned model; while the application starts, once it is learned. */
	private Model model() {
		return this.model.join();
	}

	private boolean substantial(List<String> words) {
		return words.stream()
			.filter(word -> !word.equals(SafeguardingText.QUESTION) && !word.chars().allMatch(Character::isDigit))
			.count() >= this.calibration.words();
	}

	private static Map<String, String> spellings(List<String> lines) {
		Map<String, String> spellings = new HashMap<>();
		for (String line : lines) {
			String[] parts = line.split("=", 2);
			spellings.put(SafeguardingText.fold(parts[0].strip()), SafeguardingText.fold(parts[1].strip()));
		}
		return spellings;
	}

	private static Map<String, List<String>> signalFiles(Path dir) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		organisationFiles(dir, ".txt").forEach((file, content) -> files.put(file, meaningful(content)));
		return files;
	}

	private static Map<String, String> organisationFiles(Path dir, String ending) {
		Map<String, String> files = new LinkedHashMap<>();
		if (dir == null) {
			return files;
		}
		try (Stream<Path> listed = Files.list(dir)) {
			for (Path file : listed.filter(p -> p.toString().endsWith(ending)).sorted().toList()) {
				files.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the safeguarding signals in " + dir, ex);
		}
		return files;
	}

	private static List<String> lines(String resource) {
		return meaningful(resource(resource));
	}

	private static String resource(String resource) {
		try (InputStream in = Detector.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Labelled examples, {@code text,label,urgent}: a category or {@code ORDINARY}, {@code yes} when urgent. */
	private List<Model.Example> examples(String csv) {
		List<Model.Example> examples = new ArrayList<>();
		try (StringReader in = new StringReader(csv)) {
			for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				String label = record.get("label").strip();
				if (!label.equals("ORDINARY")) {
					Category.valueOf(label);
				}
				List<String> words = this.text.words(record.get("text"));
				examples.add(new Model.Example(words, this.signals.found(words).keySet(), label,
						record.get("urgent").strip().equals("yes")));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalStateException("safeguarding examples: " + ex.getMessage(), ex);
		}
		return examples;
	}

	private static List<String> meaningful(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

}
