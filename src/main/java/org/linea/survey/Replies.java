package org.linea.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.linea.shared.Folding;

/**
 * Reads a person's reply to a question: numbers of options ({@code 2}, {@code 1 3}, {@code 1,3}), the
 * option's label or the title of the button or list row they tapped, the words a form lists for an
 * option in its {@code words} column, numbers, dates, text, or a skip word ("prefer not to say" in the
 * languages a line speaks skips a text question too). A reply that is plainly no answer (words to a
 * choice or number question) is the person's own question.
 */
final class Replies {

	private static final Set<String> SKIP = Set.of("-", "skip", "saltar", "omitir", "pasar", "pular", "passer", "pase");

	private static final Set<String> STOP = Set.of("fin", "end", "salir", "exit", "stop survey", "terminar", "fim", "sortir");

	// declining to answer, in es, en, pt, fr and ht: the start of the reply folded to plain words
	private static final Pattern DECLINE = Pattern.compile("^(0|prefiero no|prefer not|rather not|no se|no lo se|i don t know|"
			+ "dont know|don t know|prefiro nao|nao sei|je prefere ne pas|prefere ne pas|je ne sais pas|sais pas|"
			+ "mwen pito pa|m pito pa|pito pa|mwen pa konnen|m pa konnen|pa konnen)( .*)?$");

	private static final Pattern NUMBERS = Pattern.compile("^\\d+([\\s,;]+\\d+)*$");

	private static final Pattern INTEGER = Pattern.compile("^[-+]?\\d+$");

	private static final Pattern DECIMAL = Pattern.compile("^[-+]?\\d+([.,]\\d+)?$");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"),
			DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

	/** A button title has at most 20 characters, a list row's 24. */
	static final int BUTTON_TITLE = 20;

	static final int ROW_TITLE = 24;

	private Replies() {
	}

	/** Whether the reply is the keyword that ends the survey. */
	static boolean stop(String text) {
		return text != null && STOP.contains(fold(text));
	}

	static Answer read(Question question, List<Choice> choices, String language, String defaultLanguage, String text) {
		if (text == null || text.isBlank()) {
			return new Answer.NotAnAnswer();
		}
		String reply = text.strip();
		Answer answer = switch (question.type()) {
			case SELECT_ONE -> selectOne(choices, language, defaultLanguage, reply);
			case SELECT_MULTIPLE -> selectMultiple(choices, language, defaultLanguage, reply);
			case INTEGER -> number(reply, INTEGER, "survey.reply.integer");
			case DECIMAL -> number(reply.replace(',', '.'), DECIMAL, "survey.reply.decimal");
			case DATE -> date(reply);
			case TEXT, NOTE -> new Answer.Value(reply);
		};
		if (SKIP.contains(fold(reply)) && !(answer instanceof Answer.Value)) {
			return new Answer.Skipped();
		}
		if (question.type() == QuestionType.TEXT && (SKIP.contains(fold(reply)) || DECLINE.matcher(plain(reply)).matches())) {
			return new Answer.Skipped();
		}
		return answer;
	}

	private static Answer selectOne(List<Choice> choices, String language, String defaultLanguage, String reply) {
		boolean number = INTEGER.matcher(reply).matches();
		if (number) {
			int n = Integer.parseInt(reply.replace("+", ""));
			if (n >= 1 && n <= choices.size()) {
				return new Answer.Value(choices.get(n - 1).name());
			}
		}
		Choice named = byLabel(choices, language, defaultLanguage, reply);
		if (named == null) {
			named = byWords(choices, reply);
		}
		if (named != null) {
			return new Answer.Value(named.name());
		}
		return number ? new Answer.Invalid("survey.reply.chooseNumber") : new Answer.NotAnAnswer();
	}

	private static Answer selectMultiple(List<Choice> choices, String language, String defaultLanguage, String reply) {
		if (NUMBERS.matcher(reply).matches()) {
			Set<Integer> picked = new LinkedHashSet<>();
			for (String number : reply.split("[\\s,;]+")) {
				int n = Integer.parseInt(number);
				if (n < 1 || n > choices.size()) {
					return new Answer.Invalid("survey.reply.chooseNumbers");
				}
				picked.add(n - 1);
			}
			return new Answer.Value(names(choices, picked));
		}
		Choice whole = byLabel(choices, language, defaultLanguage, reply);
		if (whole != null) {
			return new Answer.Value(whole.name());
		}
		Set<Integer> picked = new LinkedHashSet<>();
		for (String part : reply.split("[,;]+")) {
			Choice choice = byLabel(choices, language, defaultLanguage, part);
			if (choice == null) {
				return new Answer.NotAnAnswer();
			}
			picked.add(choices.indexOf(choice));
		}
		return new Answer.Value(names(choices, picked));
	}

	/** The names in the list's order, as Kobo exports a select_multiple. */
	private static String names(List<Choice> choices, Set<Integer> picked) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < choices.size(); i++) {
			if (picked.contains(i)) {
				names.add(choices.get(i).name());
			}
		}
		return String.join(" ", names);
	}

	private static Choice byLabel(List<Choice> choices, String language, String defaultLanguage, String reply) {
		String folded = fold(reply);
		if (folded.isEmpty()) {
			return null;
		}
		for (Choice choice : choices) {
			String label = choice.label(language, defaultLanguage);
			if (folded.equals(fold(label)) || folded.equals(fold(title(label, BUTTON_TITLE)))
					|| folded.equals(fold(title(label, ROW_TITLE))) || folded.equals(fold(choice.name()))) {
				return choice;
			}
		}
		return null;
	}

	/**
	 * The option whose listed words begin the reply ("si claro", "muy bien gracias"), the longest match
	 * winning ("muy mal" over "muy", "nada mal" over "nada"); a word written {@code =word} matches only
	 * the whole reply ("una" is one, "una pregunta" is not). Any column named {@code words} or
	 * {@code words::language} lists them, separated by {@code ;}, in any language.
	 */
	static Choice byWords(List<Choice> choices, String reply) {
		String plain = plain(reply);
		if (plain.isEmpty()) {
			return null;
		}
		Choice best = null;
		int longest = 0;
		for (Choice choice : choices) {
			for (String word : words(choice)) {
				boolean whole = word.startsWith("=");
				String listed = plain(whole ? word.substring(1) : word);
				boolean matches = !listed.isEmpty() && (plain.equals(listed) || !whole && plain.startsWith(listed + " "));
				if (matches && listed.length() > longest) {
					best = choice;
					longest = listed.length();
				}
			}
		}
		return best;
	}

	private static List<String> words(Choice choice) {
		if (choice.columns() == null) {
			return List.of();
		}
		List<String> words = new ArrayList<>();
		choice.columns().forEach((column, value) -> {
			String lower = column.toLowerCase(Locale.ROOT);
			if (lower.equals("words") || lower.startsWith("words::")) {
				for (String word : value.split(";")) {
					if (!word.isBlank()) {
						words.add(word.strip());
					}
				}
			}
		});
		return words;
	}

	/** Lower case, no accents, punctuation and apostrophes as spaces: {@code "¡Très bien, merci !"} is {@code tres bien merci}. */
	static String plain(String text) {
		return Folding.fold(text.strip()).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static Answer number(String reply, Pattern pattern, String invalid) {
		if (pattern.matcher(reply).matches()) {
			return new Answer.Value(reply.startsWith("+") ? reply.substring(1) : reply);
		}
		return reply.chars().anyMatch(Character::isDigit) ? new Answer.Invalid(invalid) : new Answer.NotAnAnswer();
	}

	private static Answer date(String reply) {
		for (DateTimeFormatter format : DATES) {
			try {
				return new Answer.Value(LocalDate.parse(reply, format).toString());
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		return reply.chars().anyMatch(Character::isDigit) ? new Answer.Invalid("survey.reply.date") : new Answer.NotAnAnswer();
	}

	/** A label cut to what a button or list row shows. */
	static String title(String label, int max) {
		return label.length() <= max ? label : label.substring(0, max - 1).strip() + "…";
	}

	/** Lower case, without accents, spaces or closing punctuation around it. */
	static String fold(String text) {
		return Folding.fold(text).strip().replaceAll("^[¡¿\"'(]+|[.!?\"')]+$", "").strip();
	}

}
