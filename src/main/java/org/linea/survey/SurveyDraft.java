package org.linea.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A form as a coordinator writes it on the survey page, cell by cell as an XLSForm has it: nothing is
 * checked here. {@link XlsFormWriter} writes it as an XLSForm and {@link XlsFormReader} reads that
 * back, so a form built on the page passes exactly the checks of an imported file.
 *
 * @param defaultLanguage a language code, or {@code default} for texts in no language
 * @param languages the languages texts are written in, the default first
 */
public record SurveyDraft(String formId, String title, String version, String defaultLanguage, List<String> languages,
		List<DraftQuestion> questions, List<DraftChoice> choices) {

	public SurveyDraft {
		languages = List.copyOf(languages);
		questions = List.copyOf(questions);
		choices = List.copyOf(choices);
	}

	/**
	 * One row of the survey sheet.
	 *
	 * @param type the type keyword: select_one, select_multiple, integer, decimal, text, date or note
	 * @param listName the choice list of a select
	 * @param group the group the question is in, or blank
	 * @param required yes or no
	 */
	public record DraftQuestion(String type, String listName, String name, String group, Map<String, String> labels,
			Map<String, String> hints, String required, Map<String, String> requiredMessages, String relevant, String constraint,
			Map<String, String> constraintMessages, String defaultValue, String choiceFilter) {

		/** The XLSForm type cell: {@code select_one yes_no}. */
		String typeCell() {
			String keyword = blank(this.type) ? "" : this.type.strip();
			return blank(this.listName) ? keyword : keyword + " " + this.listName.strip();
		}

	}

	/** One row of the choices sheet; {@code columns} are the others a choice filter may name. */
	public record DraftChoice(String listName, String name, Map<String, String> labels, Map<String, String> columns) {

		/** The columns as the survey page shows them: {@code country=pe; zone=2}. */
		public String columnsText() {
			return BuilderForm.columns(this.columns);
		}

	}

	/** A new form on a line: one question waiting to be written. */
	static SurveyDraft empty(List<String> languages) {
		Map<String, String> none = new LinkedHashMap<>();
		return new SurveyDraft("", "", "1", languages.getFirst(), languages,
				List.of(new DraftQuestion("text", "", "", "", none, none, "no", none, "", "", none, "", "")), List.of());
	}

	/** The form as it stands, to edit or to export; the languages of the line come after the form's own. */
	static SurveyDraft of(SurveyForm form, List<String> lineLanguages) {
		Set<String> languages = new LinkedHashSet<>();
		languages.add(form.defaultLanguage());
		List<DraftQuestion> questions = new ArrayList<>();
		for (Question q : form.questions()) {
			List.of(q.labels(), q.hints(), q.requiredMessages(), q.constraintMessages()).forEach(texts -> languages.addAll(keys(texts)));
			questions.add(new DraftQuestion(q.type().name().toLowerCase(Locale.ROOT), text(q.listName()), q.name(), text(q.group()),
					copy(q.labels()), copy(q.hints()), q.required() ? "yes" : "no", copy(q.requiredMessages()), text(q.relevant()),
					text(q.constraint()), copy(q.constraintMessages()), text(q.defaultValue()), text(q.choiceFilter())));
		}
		List<DraftChoice> choices = new ArrayList<>();
		form.choices().forEach((list, listed) -> listed.forEach(choice -> {
			languages.addAll(keys(choice.labels()));
			choices.add(new DraftChoice(list, choice.name(), copy(choice.labels()), copy(choice.columns())));
		}));
		if (!"default".equals(form.defaultLanguage())) {
			languages.addAll(lineLanguages);
		}
		return new SurveyDraft(form.formId(), form.title(), form.version(), form.defaultLanguage(), List.copyOf(languages), questions,
				choices);
	}

	private static Set<String> keys(Map<String, String> texts) {
		return texts == null ? Set.of() : texts.keySet();
	}

	private static Map<String, String> copy(Map<String, String> texts) {
		return texts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(texts);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
