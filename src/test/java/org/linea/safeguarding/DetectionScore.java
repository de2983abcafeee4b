package org.linea.safeguarding;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Labelled safeguarding messages (text,lang,expected,category,urgent) and what detection makes of them. */
final class DetectionScore {

	record Labelled(int row, String text, String language, String expected, String category, boolean urgent) {

		boolean report() {
			return this.expected.equals("SENSITIVE");
		}

		/** a general question near these topics that the bank answers (an entry id) */
		boolean generalQuestion() {
			return !report() && !this.expected.equals("HUMAN") && !this.expected.equals("NONE");
		}

	}

	/** Which rows of a file: all, odd (1st, 3rd... data row) or even. */
	enum Rows {

		ALL, ODD, EVEN;

		boolean keeps(int row) {
			return this == ALL || (this == ODD) == (row % 2 == 1);
		}

	}

	record Counts(int reports, int routed, int urgentReports, int urgentFlagged, int urgentFalse, int categoryRight,
			int nonReports, int falseAlarms, List<String> misses) {

		String figures() {
			return String.format(
					"reports routed SENSITIVE %d/%d (%.1f%%), urgent flagged urgent %d/%d (%.1f%%), urgent on non-urgent reports %d, category agreement %d/%d (%.1f%%), false alarms %d/%d (%.1f%%)",
					this.routed, this.reports, pct(this.routed, this.reports), this.urgentFlagged, this.urgentReports,
					pct(this.urgentFlagged, this.urgentReports), this.urgentFalse, this.categoryRight, this.routed,
					pct(this.categoryRight, this.routed), this.falseAlarms, this.nonReports, pct(this.falseAlarms, this.nonReports));
		}

	}

	private DetectionScore() {
	}

	static double pct(int part, int whole) {
		return whole == 0 ? 0 : 100.0 * part / whole;
	}

	static List<Labelled> read(Path file, Rows rows) throws IOException {
		List<Labelled> labelled = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int row = 0;
			for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				row++;
				if (rows.keeps(row)) {
					labelled.add(new Labelled(row, record.get("text"), record.get("lang"), record.get("expected"),
							record.get("category"), record.get("urgent").equals("yes")));
				}
			}
		}
		return labelled;
	}

	static Counts score(List<Labelled> messages, Function<String, Finding> detect) {
		int reports = 0, routed = 0, urgentReports = 0, urgentFlagged = 0, urgentFalse = 0, categoryRight = 0, nonReports = 0,
				falseAlarms = 0;
		List<String> misses = new ArrayList<>();
		for (Labelled message : messages) {
			Finding finding = detect.apply(message.text());
			if (message.report()) {
				reports++;
				if (message.urgent()) {
					urgentReports++;
				}
				if (finding.sensitive()) {
					routed++;
					if (finding.category().name().equals(message.category())) {
						categoryRight++;
					}
					else {
						misses.add("CATEGORY " + finding.category() + " want " + message.category() + ": " + message.text());
					}
					if (message.urgent() && finding.urgent()) {
						urgentFlagged++;
					}
					if (!message.urgent() && finding.urgent()) {
						urgentFalse++;
						misses.add("URGENT not urgent: " + message.text() + " " + finding.signals());
					}
				}
				else {
					misses.add("MISSED " + message.category() + ": " + message.text() + " " + finding.signals());
				}
				if (message.urgent() && finding.sensitive() && !finding.urgent()) {
					misses.add("NOT URGENT: " + message.text() + " " + finding.signals());
				}
			}
			else {
				nonReports++;
				if (finding.sensitive()) {
					falseAlarms++;
					misses.add("FALSE ALARM " + message.expected() + ": " + message.text() + " " + finding.signals());
				}
			}
		}
		return new Counts(reports, routed, urgentReports, urgentFlagged, urgentFalse, categoryRight, nonReports, falseAlarms,
				misses);
	}

	/** Detection alone, without the bank: {@code file [ALL|ODD|EVEN] [--misses]}. */
	public static void main(String[] args) throws IOException {
		Detector detector = new Detector(new SafeguardingProperties(null));
		List<Labelled> messages = read(Path.of(args[0]), args.length > 1 ? Rows.valueOf(args[1]) : Rows.ALL);
		Counts counts = score(messages, detector::screen);
		System.out.println(counts.figures());
		if (List.of(args).contains("--misses")) {
			counts.misses().forEach(System.out::println);
		}
	}

}
