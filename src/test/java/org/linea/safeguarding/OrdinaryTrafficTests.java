package org.linea.safeguarding;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a line mostly receives is not a report: questions for the bank, personal cases, rumours, menu
 * choices, survey answers, greetings and thanks. Safeguarding must leave them to the bot.
 */
class OrdinaryTrafficTests {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

	@Test
	void shortRepliesAreNeverReports() throws IOException {
		List<String> replies = new ArrayList<>(lines(Path.of("src/main/resources/safeguarding/short_replies.txt")));
		lines(Path.of("src/test/resources/safeguarding/ordinary_e.txt")).stream()
			.filter(line -> line.split("\\s+").length <= 3)
			.forEach(replies::add);
		replies.addAll(List.of("2", "1 3", "sí", "si", "no", "3 5", "ok gracias", "wi", "sim", "oui", "yes"));
		assertThat(replies).hasSizeGreaterThan(60)
			.allSatisfy(reply -> assertThat(DetectorTests.detector.screen(reply).sensitive()).as(reply).isFalse());
	}

	@Test
	void aShortReplyAfterAMessageIsNotReadAsAReportWithIt() {
		String previous = "hola, me dijeron q la cruz roja da kits de higiene, cuando es la entrega?";
		for (String reply : List.of("2", "1 3", "sí", "no gracias", "gracias")) {
			assertThat(DetectorTests.detector.screen(reply, previous).sensitive()).as(reply).isFalse();
		}
	}

	@Test
	void rumoursAreNotReports() {
		for (String rumour : List.of("dicen que la cruz roja cobra por los kits, es verdad?",
				"es cierto q van a quitar el bono a los q no tienen carnet?",
				"is it true that you charge for the food cards?",
				"eske se vre kwa wouj la ap fè moun peye pou kit yo?")) {
			assertThat(DetectorTests.detector.screen(rumour).sensitive()).as(rumour).isFalse();
		}
	}

	/**
	 * The FAQ questions of our own file, the ordinary messages learned from (FAQ dev questions among them) and ordinary_e.txt.
	 * The bound was 2 %, our own choice, stricter than the issue's 10 % on general questions; since session 7 it is 4 %
	 * (two of ordinary_e's 47): out of fold that bought 52 more reports routed of 573 and 13 more urgent ones of 187
	 * (bench/README.md, "Fresh block D and training block H"), and a report of abuse or a risk to life not routed costs
	 * far more than a focal point reading a question.
	 */
	@Test
	void falseAlarmsOnOrdinaryTrafficStayAtMostFourPercent() throws IOException {
		List<String> ordinary = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(Path.of("bench/own_questions.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSV.parse(in)) {
				if (!record.get("expected").equals("SENSITIVE")) {
					ordinary.add(record.get("text"));
				}
			}
		}
		for (CSVRecord record : CSV.parse(new StringReader(Detector.shippedExamples()))) {
			if (record.get("label").equals("ORDINARY")) {
				ordinary.add(record.get("text"));
			}
		}
		List<String> fresh = lines(Path.of("src/test/resources/safeguarding/ordinary_e.txt"));
		ordinary.addAll(fresh);
		List<String> alarms = ordinary.stream().filter(text -> DetectorTests.detector.screen(text).sensitive()).toList();
		assertThat(100.0 * alarms.size() / ordinary.size()).as(alarms.toString()).isLessThanOrEqualTo(4.0);
		assertThat(fresh.stream().filter(text -> DetectorTests.detector.screen(text).sensitive()).count()).isLessThanOrEqualTo(2);
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

}
