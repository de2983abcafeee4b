package org.linea.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form as its XLSForm gave it: questions in order (groups flattened), choice lists by name, and the
 * settings. Stored as JSON with the survey; the original file is kept for export.
 */
public record SurveyForm(String formId, String version, String title, String defaultLanguage, List<Question> questions,
		Map<String, List<Choice>> choices) {

	public Optional<Question> question(String name) {
		return this.questions.stream().filter(q -> q.name().equals(name)).findFirst();
	}

	/** The questions that get an answer (all but notes), in order: the results' columns. */
	public List<Question> answerable() {
		return this.questions.stream().filter(q -> q.type() != QuestionType.NOTE).toList();
	}

	public List<Choice> choicesOf(Question question) {
		return question.listName() == null ? List.of() : this.choices.getOrDefault(question.listName(), List.of());
	}

}
