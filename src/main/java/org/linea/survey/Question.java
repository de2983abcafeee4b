package org.linea.survey;

import java.util.Map;

/**
 * One question of a form, its group's relevance already joined to its own.
 *
 * @param listName the choice list of a select, else null
 * @param relevant an XPath expression (with {@code $name} variables), or null when always asked
 * @param constraint an XPath expression over {@code $_self} (the answer), or null
 * @param group the name of the innermost group, or null
 * @param row the survey sheet row it came from
 */
public record Question(QuestionType type, String name, String listName, Map<String, String> labels, Map<String, String> hints,
		boolean required, Map<String, String> requiredMessages, String relevant, String constraint,
		Map<String, String> constraintMessages, String defaultValue, String choiceFilter, String group, int row) {

	public String label(String language, String defaultLanguage) {
		return Labels.pick(this.labels, language, defaultLanguage, this.name);
	}

	public String hint(String language, String defaultLanguage) {
		return Labels.pick(this.hints, language, defaultLanguage, null);
	}

}
