package org.linea.survey;

import java.util.List;
import java.util.Map;

/**
 * A survey's answers as Kobo exports them: one row per respondent and wave, columns named by the
 * form's names, never a phone number.
 *
 * @param charts per question that has one (choices and numbers): label to count, in the form's order
 */
public record SurveyResults(SurveySummary survey, List<String> columns, List<List<String>> rows, List<WaveFigures> waves,
		List<Chart> charts) {

	/** The counts of one question's answers. */
	public record Chart(String name, String label, Map<String, Integer> counts) {
	}

}
