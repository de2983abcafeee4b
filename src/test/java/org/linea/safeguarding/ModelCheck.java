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
 * {@code ModelCheck [words report alone overrule urgent veto [cued]] [file...]}; {@code -Dheldout=true} adds our held-out blocks
 * (totals only), {@code -Dgrid="..."} scores other calibrations on the same folds, {@code -Dcv=false} skips the folds,
 * {@code -Dfolds=blocked} makes each fold runs of consecutive rows (mostly one file, one writer) instead of every fifth row.
 */
final class ModelCheck {

	private static final int FOLDS = 5;

	/** Our own held-out blocks: scored with totals only; the blind file is scored by bench/safeguarding.sh. */
	static final List<String> HELD_OUT = List.of("src/test/resources/safeguarding/own_heldout_c.csv",
			"src/test/resources/safeguarding/own_heldout_d.csv", "src/test/resources/safeguarding/own_heldout_e.csv",
			"src/test/resources/safeguarding/own_heldout_f.csv");

	/** {@code -Dmisses=true}: the cross-validated alarms and those of .txt files (ordinary traffic), never a labelled file's */
	private static final boolean MISSES = Boolean.getBoolean("misses");

	private ModelCheck() {
	}

	public static void main(String[] args) throws IOException {
		Detector.Calibration calibration = Detector.Calibration.SHIPPED;
		int files = 0;
		if (args.length >= 6 && args[0].matches("\\d+")) {
			calibration = new Detector.Calibration(Integer.parseInt(args[0]), Double.parseDouble(args[1]),
					Double.parseDouble(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]), Double.parseDouble(args[5]),
					args.length > 6 && args[6].matches("[\\d.]+") ? Double.parseDouble(args[6]) : Double.parseDouble(args[1]));
			files = args.length > 6 && args[6].matches("[\\d.]+") ? 7 : 6;
		}
		System.out.println(calibration);
		List<CSVRecord> examples = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		for (CSVRecord record : format.parse(new StringReader(Detector.shippedExamples()))) {
			examples.add(record);
		}
		// -Dgrid="4 0.8 0.9 0.9 0.5 0.1;4 0.7 0.85 0.9 0.5 0.1": other calibrations scored out of fold on the same folds
		List<Detector.Calibration> grid = new ArrayList<>();
		for (String one : System.getProperty("grid", "").split(";")) {
			if (!one.isBlank()) {
				String[] v = one.strip().split("\\s+");
				grid.add(new Detector.Calibration(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
						Double.parseDouble(v[3]), Double.parseDouble(v[4]), Double.parseDouble(v[5]),
						v.length > 6 ? Double.parseDouble(v[6]) : Double.parseDouble(v[1])));
			}
		}
		// -Dfolds=blocked: each fold a run of consecutive reports and a run of consecutive ordinary messages, so that a
		// fold is mostly one file (one writer) the others did not teach: a reading across writing styles; else every fifth row
		int[] folds = new int[examples.size()];
		boolean blocked = "blocked".equals(System.getProperty("folds"));
		long reportRows = examples.stream().filter(r -> !r.get("label").equals("ORDINARY")).count();
		long[] seen = new long[2];
		for (int i = 0; i < examples.size(); i++) {
			boolean report = !examples.get(i).get("label").equals("ORDINARY");
			long total = report ? reportRows : examples.size() - reportRows;
			folds[i] = blocked ? (int) (seen[report ? 0 : 1]++ * FOLDS / total) : i % FOLDS;
		}
		int[][] gridCounts = new int[grid.size()][7];
		double[] cuts = { 0.5, 0.6, 0.7, 0.8, 0.9 };
		int[] reportsAbove = new int[cuts.length];
		int[] ordinaryAbove = new int[cuts.length];
		int reports = 0, routed = 0, urgent = 0, flagged = 0, ordinary = 0, alarms = 0, right = 0, urgentUnrouted = 0;
		List<Double> reportP = new ArrayList<>();
		List<Double> ordinaryP = new ArrayList<>();
		for (int fold = 0; fold < (Boolean.parseBoolean(System.getProperty("cv", "true")) ? FOLDS : 0); fold++) {
			StringWriter training = new StringWriter();
			List<CSVRecord> held = new ArrayList<>();
			try (CSVPrinter out = new CSVPrinter(training, CSVFormat.RFC4180)) {
				out.printRecord("text", "label", "urgent");
				for (int i = 0; i < examples.size(); i++) {
					if (folds[i] == fold) {
						held.add(examples.get(i));
					}
					else {
						out.printRecord(examples.get(i).get("text"), examples.get(i).get("label"), examples.get(i).get("urgent"));
					}
				}
			}
			Detector detector = new Detector(Map.of(), List.of(training.toString()), calibration);
			for (int g = 0; g < grid.size(); g++) {
				Detector other = detector.with(grid.get(g));
				for (CSVRecord record : held) {
					Finding finding = other.screen(record.get("text"));
					boolean report = !record.get("label").equals("ORDINARY");
					int[] counts = gridCounts[g];
					if (report) {
						counts[0]++;
						counts[1] += finding.sensitive() ? 1 : 0;
						if (record.get("urgent").equals("yes")) {
							counts[2]++;
							counts[3] += finding.sensitive() && finding.urgent() ? 1 : 0;
						}
						else {
							counts[6] += finding.sensitive() && finding.urgent() ? 1 : 0;
						}
					}
					else {
						counts[4]++;
						counts[5] += finding.sensitive() ? 1 : 0;
					}
				}
			}
			for (CSVRecord record : held) {
				Finding finding = detector.screen(record.get("text"));
				boolean report = !record.get("label").equals("ORDINARY");
				double p = detector.reportProbability(record.get("text"));
				(report ? reportP : ordinaryP).add(p);
				for (int c = 0; c < cuts.length; c++) {
					if (p >= cuts[c]) {
						(report ? reportsAbove : ordinaryAbove)[c]++;
					}
				}
				if (report) {
					reports++;
					routed += finding.sensitive() ? 1 : 0;
					if (!finding.sensitive() && MISSES) {
						System.out.printf("  missed %s%s p=%.2f: %s %s%n", record.get("label"), record.get("urgent").equals("yes") ? " URGENT" : "", p,
								record.get("text"), finding.signals().stream().filter(x -> !x.startsWith("model")).toList());
					}
					right += finding.sensitive() && finding.category().name().equals(record.get("label")) ? 1 : 0;
					if (record.get("urgent").equals("yes")) {
						urgent++;
						flagged += finding.sensitive() && finding.urgent() ? 1 : 0;
						urgentUnrouted += finding.sensitive() ? 0 : 1;
						if (finding.sensitive() && !finding.urgent() && MISSES) {
							System.out.printf("  not urgent %s: %s %s%n", record.get("label"), record.get("text"), finding.signals());
						}
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
		for (int g = 0; g < grid.size(); g++) {
			int[] c = gridCounts[g];
			System.out.printf("  %s: routed %d/%d (%.1f%%), urgent %d/%d (%.1f%%), non-urgent flagged urgent %d/%d, false alarms %d/%d (%.1f%%)%n",
					grid.get(g), c[1], c[0], DetectionScore.pct(c[1], c[0]), c[3], c[2], DetectionScore.pct(c[3], c[2]), c[6], c[0] - c[2], c[5], c[4],
					DetectionScore.pct(c[5], c[4]));
		}
		System.out.printf("  urgent reports not routed %d, routed but not urgent %d%n", urgentUnrouted, urgent - flagged - urgentUnrouted);
		List<Double> sortedOrdinary = ordinaryP.stream().sorted(java.util.Comparator.reverseOrder()).toList();
		for (double budget : new double[] { 0.01, 0.02, 0.04 }) {
			int allowed = (int) Math.floor(budget * sortedOrdinary.size());
			double cut = sortedOrdinary.isEmpty() ? 1 : sortedOrdinary.get(Math.min(allowed, sortedOrdinary.size() - 1));
			long caught = reportP.stream().filter(q -> q > cut).count();
			System.out.printf("  model alone, out of fold, ordinary above %.0f%%: reports %d/%d (p > %.3f)%n", budget * 100, caught,
					reportP.size(), cut);
		}
		for (int c = 0; c < cuts.length; c++) {
			System.out.printf("  model alone, out of fold, p >= %.1f: reports %d/%d, ordinary %d/%d%n", cuts[c], reportsAbove[c], reports,
					ordinaryAbove[c], ordinary);
		}
		Detector shipped = new Detector(Map.of(), List.of(Detector.shippedExamples()), calibration);
		if (System.getProperty("pair") != null) {
			for (String one : System.getProperty("pair").split(";;")) {
				String[] pair = one.split("\\|\\|");
				System.out.println("first " + shipped.screen(pair[0]) + "\nalone " + shipped.screen(pair[1]) + "\ntogether "
						+ shipped.screen(pair[1], pair[0]));
			}
		}
		List<String> scored = new ArrayList<>(List.of(args).subList(files, args.length));
		if (Boolean.parseBoolean(System.getProperty("heldout", "false"))) {
			// -Dheldout=true: the held-out blocks too (never learned, never tuned on; totals only, whatever -Dmisses says)
			scored.addAll(HELD_OUT);
		}
		for (String name : scored) {
			Path file = Path.of(name);
			if (file.getFileName().toString().equals("safeguarding_blind.csv")) {
				// the lead alone scores the blind file (bench/safeguarding.sh)
				throw new IllegalArgumentException("ModelCheck does not score the blind file");
			}
			if (file.toString().endsWith(".txt")) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.filter(l -> !l.isBlank() && !l.startsWith("#"))
					.toList();
				long wrong = lines.stream().filter(l -> shipped.screen(l).sensitive()).count();
				if (MISSES && !HELD_OUT.contains(name)) {
					lines.stream().filter(l -> shipped.screen(l).sensitive()).forEach(l -> System.out.println("  alarm: " + l + " " + shipped.screen(l).signals()));
				}
				System.out.printf("%s: false alarms %d/%d%n", file.getFileName(), wrong, lines.size());
			}
			else {
				List<DetectionScore.Labelled> labelled = DetectionScore.read(file, DetectionScore.Rows.ALL);
				System.out.println(file.getFileName() + ": " + DetectionScore.score(labelled, shipped::screen).figures());
				if (Boolean.getBoolean("breakdown") && !HELD_OUT.contains(name)) {
					// -Dbreakdown=true: misses counted by category and language, for reading a fresh block without its rows
					Map<String, Integer> missed = new java.util.TreeMap<>();
					for (DetectionScore.Labelled row : labelled) {
						if (row.expected().equals("SENSITIVE")) {
							Finding finding = shipped.screen(row.text());
							if (!finding.sensitive()) {
								missed.merge("not routed " + row.category() + (row.urgent() ? " urgent" : ""), 1, Integer::sum);
								missed.merge("not routed lang " + row.language(), 1, Integer::sum);
							}
							else if (row.urgent() && !finding.urgent()) {
								missed.merge("not urgent " + row.category() + " " + row.language(), 1, Integer::sum);
							}
						}
					}
					missed.forEach((what, n) -> System.out.println("  " + what + ": " + n));
				}
			}
		}
	}

}
