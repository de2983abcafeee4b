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

	SurveyForm withVersion(String newVersion) {
		return new SurveyForm(this.formId, newVersion, this.title, this.defaultLanguage, this.questions, this.choices);
	}

	/** The version after this one: {@code 3} gives {@code 4}, {@code v3} {@code v4}, {@code 2026-a} {@code 2026-a-2}. */
	static String nextVersion(String version) {
		java.util.regex.Matcher digits = java.util.regex.Pattern.compile("(\\d+)$").matcher(version == null ? "" : version);
		if (version == null || version.isBlank()) {
			return "2";
		}
		if (digits.find()) {
			return version.substring(0, digits.start()) + new java.math.BigInteger(digits.group(1)).add(java.math.BigInteger.ONE);
		}
		return version + "-2";
	}

	public List<Choice> choicesOf(Question question) {
		return question.listName() == null ? List.of() : this.choices.getOrDefault(question.listName(), List.of());
	}

	/** The question's choices that its {@code choice_filter} keeps, given the answers so far. */
	List<Choice> visibleChoices(Question question, Map<String, String> answers) {
		List<Choice> all = choicesOf(question);
		if (question.choiceFilter() == null) {
			return all;
		}
		return all.stream().filter(choice -> Expressions.testChoice(question.choiceFilter(), answers, choice)).toList();
	}

	/**
	 * What to send after this question (from the start when null), given the answers so far: the
	 * relevant notes on the way, then the next relevant question to ask (a select with no visible
	 * choice is passed over). Without a question at the end the form is finished.
	 */
	List<Question> nextSteps(Question answered, Map<String, String> answers) {
		int from = answered == null ? 0 : this.questions.indexOf(answered) + 1;
		List<Question> steps = new java.util.ArrayList<>();
		for (int i = from; i < this.questions.size(); i++) {
			Question question = this.questions.get(i);
			if (question.relevant() != null && !Expressions.test(question.relevant(), answers)) {
				continue;
			}
			if (question.type() != QuestionType.NOTE && question.type().select() && visibleChoices(question, answers).isEmpty()) {
				continue;
			}
			steps.add(question);
			if (question.type() != QuestionType.NOTE) {
				break;
			}
		}
		return steps;
	}

}
