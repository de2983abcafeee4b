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
		whole(sets, own.resolveSibling("own_questions_c.csv"), "own-c", true);
		// written by another session from the bank's meaning, never read message by message: held out as a whole
		whole(sets, own.resolveSibling("own_questions_d.csv"), "own-d", true);
		// in-sample: written in session 8 to work on languages other than Spanish, its misses read
		whole(sets, own.resolveSibling("own_questions_e.csv"), "own-e", false);
		// in-sample: written in session 9 by writers who saw only the issue and the bank, for tuning
		whole(sets, own.resolveSibling("own_questions_g.csv"), "own-g", false);
		// held out: written in session 9 by an independent writer who saw only the issue and the bank; totals only
		whole(sets, own.resolveSibling("own_questions_f.csv"), "own-f", true);
		Path safeguarding = faqEval.resolve("safeguarding_dev.csv");
		if (safeguarding.toFile().exists()) {
			sets.add(new Set("safeguarding", BenchScore.readAny(safeguarding), true));
		}
		return sets;
	}

	/** A labelled file as one set, when it is there. */
	private static void whole(List<Set> sets, Path file, String name, boolean heldOut) throws IOException {
		if (file.toFile().exists()) {
			sets.add(new Set(name, BenchScore.read(file), heldOut));
		}
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
