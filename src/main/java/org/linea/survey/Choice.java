package org.linea.survey;

import java.util.Map;

/**
 * One row of the {@code choices} sheet.
 *
 * @param labels by language code
 * @param columns the row's other columns, which a {@code choice_filter} may name
 */
public record Choice(String name, Map<String, String> labels, Map<String, String> columns) {

	public String label(String language, String defaultLanguage) {
		return Labels.pick(this.labels, language, defaultLanguage, this.name);
	}

}
