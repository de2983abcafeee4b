package org.linea.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

	@Autowired
	public Detector(SafeguardingProperties properties) {
		this(organisationFiles(properties.signalsDir()));
	}

	Detector(Map<String, List<String>> extraSignals) {
		this.text = new SafeguardingText(spellings());
		Map<String, List<String>> files = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			files.put("safeguarding/" + language + ".txt", lines("safeguarding/" + language + ".txt"));
		}
		files.putAll(extraSignals);
		this.signals = Signals.parse(files, this.text);
		this.rules = Rules.parse(lines("safeguarding/rules.txt"), this.signals);
	}

	/** The message alone, or with the person's previous message when it does not read as a report alone. */
	public Finding screen(String message, String previous) {
		Finding alone = screen(this.text.words(message));
		if (alone.sensitive() || previous == null || previous.isBlank()) {
			return alone;
		}
		List<String> both = new ArrayList<>(this.text.words(previous));
		both.addAll(this.text.words(message));
		Finding together = screen(both);
		return together.sensitive()
				? new Finding(true, together.category(), together.urgent(), together.signals(), "REPORT_WITH_PREVIOUS_MESSAGE")
				: alone;
	}

	public Finding screen(String message) {
		return screen(message, null);
	}

	private Finding screen(List<String> words) {
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
		if (fired.isEmpty()) {
			return Finding.none(shown, "NONE");
		}
		Category category = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		boolean urgent = this.rules.urgent.stream()
			.filter(rule -> rule.appliesTo(category))
			.filter(rule -> rule.fires(found))
			.peek(fired::add)
			.findAny()
			.isPresent();
		fired.forEach(rule -> shown.add("rule " + rule.source()));
		boolean notReport = !urgent && this.rules.notReports.stream()
			.filter(rule -> rule.appliesTo(category))
			.anyMatch(rule -> rule.fires(found));
		if (notReport) {
			return Finding.none(shown, "GENERAL_QUESTION");
		}
		return new Finding(true, category, urgent, shown, "REPORT");
	}

	private static Map<String, String> spellings() {
		Map<String, String> spellings = new HashMap<>();
		for (String line : lines("safeguarding/spellings.txt")) {
			String[] parts = line.split("=", 2);
			spellings.put(SafeguardingText.fold(parts[0].strip()), SafeguardingText.fold(parts[1].strip()));
		}
		return spellings;
	}

	private static Map<String, List<String>> organisationFiles(Path dir) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		if (dir == null) {
			return files;
		}
		try (Stream<Path> listed = Files.list(dir)) {
			for (Path file : listed.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
				files.put(file.toString(), meaningful(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the safeguarding signals in " + dir, ex);
		}
		return files;
	}

	private static List<String> lines(String resource) {
		try (InputStream in = Detector.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return meaningful(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> meaningful(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

}
