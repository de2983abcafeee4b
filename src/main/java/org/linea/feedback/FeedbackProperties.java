package org.linea.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the feedback log and its figures.
 *
 * @param smallCountThreshold breakdowns of people by demographics hide counts under this (default 5)
 */
@ConfigurationProperties("linea.feedback")
public record FeedbackProperties(Integer smallCountThreshold) {

	public FeedbackProperties {
		if (smallCountThreshold == null || smallCountThreshold < 1) {
			smallCountThreshold = 5;
		}
	}

}
