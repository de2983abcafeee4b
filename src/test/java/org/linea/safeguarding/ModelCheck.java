package org.linea.safeguarding;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * How the detector does on messages its model did not learn from, offline (no database): five-fold
 * cross-validation over {@code safeguarding/examples.csv} (each fold's reports and ordinary messages
 * scored by a detector that learned from the four other folds), then the shipped detector on files
 * it never learned from. Totals only, never a message.
 * {@code ModelCheck [words report alone overrule urgent veto] [file...]}
 */
final class ModelCheck {

	private static final int FOLDS = 5;

	/** {@code -Dmisses=true}: the cross-validated alarms and those of .txt files (ordinary traffic), never a labelled file's */
	private static final boolean MISSES = Boolean.getBoolean("misses");

	private ModelCheck() {
	}

	public static void main(String[] args) throws IOException {
		Detector.Calibration calibration = Detector.Calibration.SHIPPED;
		int files = 0;
		if (args.length >= 6 && args[0].matches("\\d+")) {
			calibration = new Detector.Calibration(Integer.parseInt(args[0]), Double.parseDouble(args[1]),
					Double.parseDouble(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]), Double.parseDouble(args[5]));
			files = 6;
		}
		System.out.println(calibration);
		List<CSVRecord> examples = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		for (CSVRecord record : format.parse(new StringReader(Detector.shippedExamples()))) {
			examples.add(record);
		}
		List<DetectionScore.Labelled> outOfFold = new ArrayList<>();
		double[] cuts = { 0.5, 0.6, 0.7, 0.8, 0.9 };
		int[] reportsAbove = new int[cuts.length];
		int[] ordinaryAbove = new int[cuts.length];
		int reports = 0, routed = 0, urgent = 0, flagged = 0, ordinary = 0, alarms = 0, right = 0;
		for (int fold = 0; fold < (Boolean.parseBoolean(System.getProperty("cv", "true")) ? FOLDS : 0); fold++) {
			StringWriter training = new StringWriter();
			List<CSVRecord> held = new ArrayList<>();
			try (CSVPrinter out = new CSVPrinter(training, CSVFormat.RFC4180)) {
				out.printRecord("text", "label", "urgent");
				for (int i = 0; i < examples.size(); i++) {
					if (i % FOLDS == fold) {
						held.add(examples.get(i));
					}
					else {
						out.printRecord(examples.get(i).get("text"), examples.get(i).get("label"), examples.get(i).get("urgent"));
					}
				}
			}
			Detector detector = new Detector(Map.of(), List.of(training.toString()), calibration);
			for (CSVRecord record : held) {
				Finding finding = detector.screen(record.get("text"));
				boolean report = !record.get("label").equals("ORDINARY");
				double p = detector.reportProbability(record.get("text"));
				for (int c = 0; c < cuts.length; c++) {
					if (p >= cuts[c]) {
						(report ? reportsAbove : ordinaryAbove)[c]++;
					}
				}
				if (report) {
					reports++;
					routed += finding.sensitive() ? 1 : 0;
					right += finding.sensitive() && finding.category().name().equals(record.get("label")) ? 1 : 0;
					if (record.get("urgent").equals("yes")) {
						urgent++;
						flagged += finding.sensitive() && finding.urgent() ? 1 : 0;
					}
				}
				else {
					ordinary++;
					alarms += finding.sensitive() ? 1 : 0;
					if (finding.sensitive() && MISSES) {
						System.out.println("  alarm: " + record.get("text") + " " + finding.signals());
					}
				}
			}
		}
		System.out.printf("cross-validated (%d folds): routed %d/%d (%.1f%%), urgent %d/%d (%.1f%%), category %d/%d, false alarms on ordinary %d/%d (%.1f%%)%n",
				FOLDS, routed, reports, DetectionScore.pct(routed, reports), flagged, urgent, DetectionScore.pct(flagged, urgent),
				right, routed, alarms, ordinary, DetectionScore.pct(alarms, ordinary));
		for (int c = 0; c < cuts.length; c++) {
			System.out.printf("  model alone, out of fold, p >= %.1f: reports %d/%d, ordinary %d/%d%n", cuts[c], reportsAbove[c], reports,
					ordinaryAbove[c], ordinary);
		}
		Detector shipped = new Detector(Map.of(), List.of(Detector.shippedExamples()), calibration);
		if (System.getProperty("pair") != null) {
			String[] pair = System.getProperty("pair").split("\\|\\|");
			System.out.println("alone " + shipped.screen(pair[1]) + "\ntogether " + shipped.screen(pair[1], pair[0]));
		}
		for (int i = files; i < args.length; i++) {
			Path file = Path.of(args[i]);
			if (file.toString().endsWith(".txt")) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.filter(l -> !l.isBlank() && !l.startsWith("#"))
					.toList();
				long wrong = lines.stream().filter(l -> shipped.screen(l).sensitive()).count();
				if (MISSES) {
					lines.stream().filter(l -> shipped.screen(l).sensitive()).forEach(l -> System.out.println("  alarm: " + l + " " + shipped.screen(l).signals()));
				}
				System.out.printf("%s: false alarms %d/%d%n", file.getFileName(), wrong, lines.size());
			}
			else {
				System.out.println(file.getFileName() + ": "
						+ DetectionScore.score(DetectionScore.read(file, DetectionScore.Rows.ALL), shipped::screen).figures());
			}
		}
	}

}
