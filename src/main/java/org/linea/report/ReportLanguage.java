package org.linea.report;

import java.util.List;
import java.util.Locale;

import org.linea.feedback.LineScope;

/** The languages the report is written in, and which one a scope's organisation reads it in. */
final class ReportLanguage {

	static final List<String> LANGUAGES = List.of("es", "en");

	private ReportLanguage() {
	}

	/** The language asked for when the report has it, else the organisation's (its first line's), else English. */
	static Locale of(LineScope scope, String asked) {
		if (asked != null && LANGUAGES.contains(asked)) {
			return Locale.forLanguageTag(asked);
		}
		String organisation = scope.lines().getFirst().defaultLanguage();
		return Locale.forLanguageTag(LANGUAGES.contains(organisation) ? organisation : "en");
	}

}
