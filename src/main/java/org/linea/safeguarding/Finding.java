package org.linea.safeguarding;

import java.util.List;

/**
 * What safeguarding detection found in a message.
 *
 * @param category the report's category, or null when it is not a report
 * @param urgent whether life or safety is at risk now or within hours
 * @param signals what fired, for the focal point: {@code concept: term} for each concept found, then the rules
 * @param reason {@code REPORT}, {@code REPORT_WITH_PREVIOUS_MESSAGE}, {@code GENERAL_QUESTION} (signals of a
 * report in a general question, not a disclosure) or {@code NONE}
 */
public record Finding(boolean sensitive, Category category, boolean urgent, List<String> signals, String reason) {

	public Finding {
		signals = List.copyOf(signals);
	}

	static Finding none(List<String> signals, String reason) {
		return new Finding(false, null, false, signals, reason);
	}

}
