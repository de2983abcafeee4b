package org.linea.survey;

import java.util.Map;

/** Picks a form text in the person's language, else the form's default, else any. */
final class Labels {

	private Labels() {
	}

	static String pick(Map<String, String> texts, String language, String defaultLanguage, String fallback) {
		if (texts == null || texts.isEmpty()) {
			return fallback;
		}
		if (language != null && texts.containsKey(language)) {
			return texts.get(language);
		}
		if (defaultLanguage != null && texts.containsKey(defaultLanguage)) {
			return texts.get(defaultLanguage);
		}
		return texts.values().iterator().next();
	}

}
