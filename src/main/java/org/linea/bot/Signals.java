package org.linea.bot;

import org.linea.knowledge.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a message says about the person before any search of the bank (from {@code bot/signals.txt}):
 * asking for a human, or a personal case or distress. Safeguarding reports are found by
 * {@link org.linea.safeguarding.Detector}, before the bot.
 */
final class Signals {

	private record Weighted(double weight, Pattern pattern) {
	}

	private final List<Pattern> person;

	private final List<Weighted> personalCase;

	private Signals(List<Pattern> person, List<Weighted> personalCase) {
		this.person = person;
		this.personalCase = personalCase;
	}

	static Signals load() {
		List<Pattern> person = new ArrayList<>();
		List<Weighted> personalCase = new ArrayList<>();
		String section = "";
		for (String line : Resources.lines("bot/signals.txt")) {
			if (line.startsWith("[")) {
				section = line;
				continue;
			}
			switch (section) {
				case "[person]" -> person.add(Pattern.compile(line));
				case "[case]" -> {
					int space = line.indexOf(' ');
					personalCase.add(new Weighted(Double.parseDouble(line.substring(0, space)),
							Pattern.compile(line.substring(space + 1).strip())));
				}
				default -> throw new IllegalStateException("bot/signals.txt: a pattern outside a section: " + line);
			}
		}
		return new Signals(List.copyOf(person), List.copyOf(personalCase));
	}

	boolean asksForPerson(String folded) {
		return this.person.stream().anyMatch(p -> p.matcher(folded).find());
	}

	/** How strongly the message reads as the person's own case, an emergency or distress; 1 or more hands over. */
	double personalCase(String folded) {
		return this.personalCase.stream().filter(w -> w.pattern().matcher(folded).find()).mapToDouble(Weighted::weight).sum();
	}

}
