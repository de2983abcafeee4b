package org.linea.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The survey page's form as posted: the settings, then each question's and each choice's fields as
 * parallel lists in page order ({@code q.name}, {@code q.label.es}...), read into a {@link SurveyDraft}.
 * Whatever is posted gives a draft (missing fields are blank); the checks are the XLSForm import's.
 */
final class BuilderForm {

	static final int MAX_QUESTIONS = 500;

	static final int MAX_CHOICES = 2000;

	private static final Pattern LANGUAGE = Pattern.compile("default|[a-z]{2,3}(-[a-z0-9]{1,8})?");

	private BuilderForm() {
	}

	static SurveyDraft read(MultiValueMap<String, String> params) {
		Set<String> languages = new LinkedHashSet<>();
		for (String language : params.getOrDefault("languages", List.of())) {
			if (language != null && LANGUAGE.matcher(language).matches() && languages.size() < 10) {
				languages.add(language);
			}
		}
		String defaultLanguage = first(params, "defaultLanguage");
		if (!languages.contains(defaultLanguage)) {
			defaultLanguage = languages.isEmpty() ? "default" : languages.iterator().next();
		}
		if (languages.isEmpty()) {
			languages.add(defaultLanguage);
		}
		List<String> ordered = new ArrayList<>();
		ordered.add(defaultLanguage);
		languages.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);

		List<SurveyDraft.DraftQuestion> questions = new ArrayList<>();
		int count = Math.min(params.getOrDefault("q.type", List.of()).size(), MAX_QUESTIONS);
		for (int i = 0; i < count; i++) {
			questions.add(new SurveyDraft.DraftQuestion(at(params, "q.type", i), at(params, "q.list", i), at(params, "q.name", i),
					at(params, "q.group", i), texts(params, "q.label.", ordered, i), texts(params, "q.hint.", ordered, i),
					at(params, "q.required", i), texts(params, "q.requiredMessage.", ordered, i), at(params, "q.relevant", i),
					at(params, "q.constraint", i), texts(params, "q.constraintMessage.", ordered, i), at(params, "q.default", i),
					at(params, "q.choiceFilter", i)));
		}
		List<SurveyDraft.DraftChoice> choices = new ArrayList<>();
		int choiceCount = Math.min(params.getOrDefault("c.name", List.of()).size(), MAX_CHOICES);
		for (int i = 0; i < choiceCount; i++) {
			SurveyDraft.DraftChoice choice = new SurveyDraft.DraftChoice(at(params, "c.list", i), at(params, "c.name", i),
					texts(params, "c.label.", ordered, i), columns(at(params, "c.columns", i)));
			boolean empty = SurveyDraft.blank(choice.listName()) && SurveyDraft.blank(choice.name())
					&& choice.labels().values().stream().allMatch(SurveyDraft::blank) && choice.columns().isEmpty();
			if (!empty) {
				choices.add(choice);
			}
		}
		return new SurveyDraft(first(params, "formId"), first(params, "title"), first(params, "version"), defaultLanguage, ordered,
				questions, choices);
	}

	/** {@code region=north; zone=2}: the columns a choice filter reads. */
	static Map<String, String> columns(String text) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && !pair.substring(0, equals).isBlank()) {
				columns.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
			}
		}
		return columns;
	}

	/** The columns as the page shows them. */
	static String columns(Map<String, String> columns) {
		return columns == null ? "" : String.join("; ", columns.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

	private static Map<String, String> texts(MultiValueMap<String, String> params, String prefix, List<String> languages, int i) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String language : languages) {
			String text = at(params, prefix + language, i);
			if (!text.isBlank()) {
				texts.put(language, text);
			}
		}
		return texts;
	}

	private static String at(MultiValueMap<String, String> params, String name, int i) {
		List<String> values = params.get(name);
		String value = values == null || i >= values.size() ? null : values.get(i);
		return value == null ? "" : value.strip();
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		return at(params, name, 0);
	}

}
