package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How concepts combine into a report ({@code safeguarding/rules.txt}): a category rule fires when a
 * message mentions all its concepts ({@code staff + money_ask}), one of several ({@code partner|ex}),
 * and none of those marked {@code !}; an urgent rule marks a report urgent whatever category it was read as (the
 * category it names, {@code GBV|CHILD} or {@code *}, says for which kind of report it was written).
 */
final class Rules {

	/** One rule: all of these slots, each satisfied by any of its concepts, or by none when negated. */
	record Rule(String category, double weight, List<List<String>> slots, String source) {

		boolean fires(Map<String, String> found) {
			for (List<String> slot : this.slots) {
				boolean negated = slot.getFirst().startsWith("!");
				boolean any = slot.stream().map(c -> negated ? c.substring(1) : c).anyMatch(found::containsKey);
				if (any == negated) {
					return false;
				}
			}
			return true;
		}

		/** Whether this rule is for reports of this category ({@code *} for any, {@code GBV|CHILD} for either). */
		boolean appliesTo(Category reported) {
			return this.category.equals("*") || List.of(this.category.split("\\|")).contains(reported.name());
		}

		List<String> concepts() {
			return this.slots.stream().flatMap(List::stream).filter(c -> !c.startsWith("!")).toList();
		}

	}

	final List<Rule> categories;

	final List<Rule> urgent;

	final List<Rule> notReports;

	/** Concepts that say who or when, not what happened ({@code [context]}): alone they do not back the model's reading. */
	final java.util.Set<String> context;

	private Rules(List<Rule> categories, List<Rule> urgent, List<Rule> notReports, java.util.Set<String> context) {
		this.categories = categories;
		this.urgent = urgent;
		this.notReports = notReports;
		this.context = context;
	}

	static Rules parse(List<String> lines, Signals signals) {
		List<Rule> categories = new ArrayList<>();
		List<Rule> urgent = new ArrayList<>();
		List<Rule> notReports = new ArrayList<>();
		java.util.Set<String> context = new java.util.HashSet<>();
		String section = null;
		for (String line : lines) {
			if (line.startsWith("[")) {
				section = line;
				continue;
			}
			if ("[context]".equals(section)) {
				for (String concept : line.split("[\\s,]+")) {
					if (!signals.knows(concept)) {
						throw new IllegalStateException("safeguarding rules: unknown concept '" + concept + "' in [context]");
					}
					context.add(concept);
				}
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new IllegalStateException("safeguarding rules: no ':' in " + line);
			}
			String[] head = line.substring(0, colon).strip().split("\\s+");
			String category = head[0];
			double weight = head.length > 1 ? Double.parseDouble(head[1]) : 1;
			if (!category.equals("*")) {
				for (String one : category.split("\\|")) {
					Category.valueOf(one);
				}
			}
			List<List<String>> slots = new ArrayList<>();
			for (String slot : line.substring(colon + 1).split("\\+")) {
				List<String> concepts = List.of(slot.strip().split("\\s*\\|\\s*"));
				for (String concept : concepts) {
					if (!signals.knows(concept.replace("!", ""))) {
						throw new IllegalStateException("safeguarding rules: unknown concept '" + concept + "' in " + line);
					}
				}
				slots.add(concepts);
			}
			Rule rule = new Rule(category, weight, List.copyOf(slots), line);
			switch (section == null ? "" : section) {
				case "[report]" -> categories.add(rule);
				case "[urgent]" -> urgent.add(rule);
				case "[not a report]" -> notReports.add(rule);
				default -> throw new IllegalStateException("safeguarding rules: a rule outside a section: " + line);
			}
		}
		return new Rules(List.copyOf(categories), List.copyOf(urgent), List.copyOf(notReports), java.util.Set.copyOf(context));
	}

}
