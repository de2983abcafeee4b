package org.linea.bot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled messages the benchmark is scored on, split as bench/README.md writes down: the dev
 * file by odd and even rows (1-based), our own file by odd rows ({@code own-a}, whose misses may be
 * read) and even rows ({@code own-b}, figures only), {@code own_questions_c.csv} and {@code own_questions_d.csv} whole
 * ({@code own-c}, {@code own-d}, figures only), {@code own_questions_g.csv} whole ({@code own-g}, in-sample, for tuning),
 * {@code own_questions_f.csv} whole ({@code own-f}, figures only), and the safeguarding file, figures only.
 */
final class BenchSets {

	record Set(String name, List<BenchScore.Labelled> messages, boolean heldOut) {
	}

	private BenchSets() {
	}

	static List<Set> all(Path faqEval, Path own) throws IOException {
		List<Set> sets = new ArrayList<>();
		List<BenchScore.Labelled> dev = BenchScore.read(faqEval.resolve("dev_questions.csv"));
		sets.add(new Set("dev-odd", half(dev, true), false));
		sets.add(new Set("dev-even", half(dev, false), false));
		if (own.toFile().exists()) {
			List<BenchScore.Labelled> ours = BenchScore.read(own);
			sets.add(new Set("own-a", half(ours, true), false));
			sets.add(new Set("own-b", half(ours, false), true));
		}
		// written in session 7 after every matcher change so far, scored once: held out as a whole
		Path third = own.resolveSibling("own_questions_c.csv");
		if (third.toFile().exists()) {
			sets.add(new Set("own-c", BenchScore.read(third), true));
		}
		// written by another session from the bank's meaning, never read message by message: held out as a whole
		Path fourth = own.resolveSibling("own_questions_d.csv");
		if (fourth.toFile().exists()) {
			sets.add(new Set("own-d", BenchScore.read(fourth), true));
		}
		// in-sample: written in session 8 to work on languages other than Spanish, its misses read
		Path fifth = own.resolveSibling("own_questions_e.csv");
		if (fifth.toFile().exists()) {
			sets.add(new Set("own-e", BenchScore.read(fifth), false));
		}
		// in-sample: written in session 9 by writers who saw only the issue and the bank, for tuning
		Path seventh = own.resolveSibling("own_questions_g.csv");
		if (seventh.toFile().exists()) {
			sets.add(new Set("own-g", BenchScore.read(seventh), false));
		}
		// held out: written in session 9 by an independent writer who saw only the issue and the bank; totals only
		Path sixth = own.resolveSibling("own_questions_f.csv");
		if (sixth.toFile().exists()) {
			sets.add(new Set("own-f", BenchScore.read(sixth), true));
		}
		Path safeguarding = faqEval.resolve("safeguarding_dev.csv");
		if (safeguarding.toFile().exists()) {
			sets.add(new Set("safeguarding", BenchScore.readAny(safeguarding), true));
		}
		return sets;
	}

	static List<BenchScore.Labelled> half(List<BenchScore.Labelled> all, boolean odd) {
		List<BenchScore.Labelled> half = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (((i + 1) % 2 == 1) == odd) {
				half.add(all.get(i));
			}
		}
		return half;
	}

}
