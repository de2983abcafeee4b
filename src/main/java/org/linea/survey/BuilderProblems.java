package org.linea.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;

/**
 * The problems of a form written on the survey page, in the reader's language, said by question and
 * choice as the page shows them (the file's rows mean nothing there), and the fields to mark.
 *
 * @param invalid fields at fault: {@code q3.constraint}, {@code c0.name}, {@code formId}
 */
record BuilderProblems(List<String> messages, Set<String> invalid) {

	static BuilderProblems of(DraftRejectedException rejected, SurveyDraft draft, MessageSource texts, Locale locale) {
		List<String> messages = new ArrayList<>();
		Set<String> invalid = new LinkedHashSet<>();
		for (FormProblem problem : rejected.problems()) {
			String what = texts.getMessage("survey.import." + problem.code(), new Object[] { problem.value() }, locale);
			XlsFormWriter.Place place = switch (problem.sheet()) {
				case "survey" -> rejected.written().surveyRows().get(problem.row());
				case "choices" -> rejected.written().choiceRows().get(problem.row());
				default -> null;
			};
			String field = field(problem.column());
			if (place == null) {
				messages.add(what);
				continue;
			}
			int n = place.index() + 1;
			switch (place.kind()) {
				case XlsFormWriter.Place.QUESTION -> {
					invalid.add("q" + place.index() + "." + field);
					messages.add(texts.getMessage("survey.builder.whereQuestion",
							new Object[] { n, draft.questions().get(place.index()).name(), problem.column(), what }, locale));
				}
				case XlsFormWriter.Place.GROUP -> {
					invalid.add("q" + place.index() + ".group");
					messages.add(texts.getMessage("survey.builder.whereGroup",
							new Object[] { n, draft.questions().get(place.index()).group(), what }, locale));
				}
				default -> {
					SurveyDraft.DraftChoice choice = draft.choices().get(place.index());
					invalid.add("c" + place.index() + "." + field);
					messages.add(texts.getMessage("survey.builder.whereChoice",
							new Object[] { n, choice.listName(), choice.name(), problem.column(), what }, locale));
				}
			}
		}
		return new BuilderProblems(messages, invalid);
	}

	/** The page's field for a column of the file: {@code label::Spanish (es)} is the label, {@code type} with a list the type. */
	private static String field(String column) {
		if (column == null) {
			return "";
		}
		int translated = column.indexOf("::");
		String base = translated < 0 ? column : column.substring(0, translated);
		return switch (base) {
			case "choice_filter" -> "choiceFilter";
			case "list_name" -> "list";
			case "required_message" -> "requiredMessage";
			case "constraint_message" -> "constraintMessage";
			default -> base;
		};
	}

}
