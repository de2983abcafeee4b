package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concepts a message can mention (an actor from the organisation, an ask for money or sex, a
 * weapon, a child, documents taken...), each a list of {@link Term}s gathered from the signals files
 * of every language: people mix languages, and a line's language is not always the message's.
 */
final class Signals {

	private final Map<String, List<Term>> concepts;

	private Signals(Map<String, List<Term>> concepts) {
		this.concepts = concepts;
	}

	/** @param files each file's lines: {@code [concept]} starts a section, other lines are terms, {@code #} comments */
	static Signals parse(Map<String, List<String>> files, SafeguardingText text) {
		Map<String, List<Term>> concepts = new LinkedHashMap<>();
		files.forEach((file, lines) -> {
			String concept = null;
			for (String line : lines) {
				if (line.startsWith("[") && line.endsWith("]")) {
					concept = line.substring(1, line.length() - 1).strip();
					continue;
				}
				if (concept == null) {
					throw new IllegalStateException(file + ": a signal before any [concept]: " + line);
				}
				try {
					concepts.computeIfAbsent(concept, c -> new ArrayList<>()).add(Term.parse(line, text));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
				}
			}
		});
		concepts.replaceAll((concept, terms) -> List.copyOf(terms));
		return new Signals(Map.copyOf(concepts));
	}

	boolean knows(String concept) {
		return this.concepts.containsKey(concept);
	}

	/** The concepts these words mention, each with the first of its terms found. */
	Map<String, String> found(List<String> words) {
		Map<String, String> found = new LinkedHashMap<>();
		MessageWords message = new MessageWords(words);
		this.concepts.forEach((concept, terms) -> {
			for (Term term : terms) {
				int at = term.find(message);
				if (at >= 0) {
					found.put(concept, term.source());
					break;
				}
			}
		});
		return found;
	}

}
