package org.linea.bot;

import org.linea.knowledge.ChatText;
import org.linea.knowledge.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and forms of address (from {@code bot/courtesy.txt}): recognises a message that
 * is only courtesy, and removes courtesy from a longer message so the question is what is matched.
 */
final class Courtesy {

	enum Kind {

		GREETING, THANKS

	}

	private final Pattern any;

	private final Pattern thanks;

	private Courtesy(List<String> greetings, List<String> thanks) {
		List<String> all = new ArrayList<>(greetings);
		all.addAll(thanks);
		this.any = alternation(all);
		this.thanks = alternation(thanks);
	}

	static Courtesy load() {
		List<String> greetings = new ArrayList<>();
		List<String> thanks = new ArrayList<>();
		for (String line : Resources.lines("bot/courtesy.txt")) {
			if (line.startsWith("thanks:")) {
				thanks.add(ChatText.fold(line.substring(7)));
			}
			else {
				greetings.add(ChatText.fold(line));
			}
		}
		return new Courtesy(greetings, thanks);
	}

	/** The message without courtesy words, punctuation or symbols around them. */
	String strip(String folded) {
		return this.any.matcher(folded).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

	/** GREETING or THANKS when the message is nothing but courtesy (or symbols), else null. */
	Kind onlyCourtesy(String folded) {
		String rest = strip(folded);
		if (ChatText.hasLetters(rest)) {
			return null;
		}
		Matcher matcher = this.thanks.matcher(folded);
		return matcher.find() ? Kind.THANKS : Kind.GREETING;
	}

	private static Pattern alternation(List<String> phrases) {
		String body = phrases.stream()
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.reduce((a, b) -> a + "|" + b)
			.orElse("(?!)");
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])");
	}

}
