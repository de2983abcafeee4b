package org.linea.feedback;

import org.linea.feedback.coding.FeedbackType;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the feedback log and its figures.
 *
 * @param smallCountThreshold breakdowns of people by demographics hide counts under this (default 5)
 * @param referralDueDays days a programme has to answer a referred complaint (default 7) or request
 * for help (default 3)
 */
@ConfigurationProperties("linea.feedback")
public record FeedbackProperties(Integer smallCountThreshold, Map<FeedbackType, Integer> referralDueDays) {

	public FeedbackProperties {
		if (smallCountThreshold == null || smallCountThreshold < 1) {
			smallCountThreshold = 5;
		}
		referralDueDays = Map.of(FeedbackType.COMPLAINT, days(referralDueDays, FeedbackType.COMPLAINT, 7),
				FeedbackType.REQUEST_FOR_HELP, days(referralDueDays, FeedbackType.REQUEST_FOR_HELP, 3));
	}

	private static int days(Map<FeedbackType, Integer> configured, FeedbackType category, int byDefault) {
		Integer days = configured == null ? null : configured.get(category);
		return days == null || days < 1 ? byDefault : days;
	}

}
