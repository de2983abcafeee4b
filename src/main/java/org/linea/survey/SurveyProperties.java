package org.linea.survey;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How surveys run over the channel.
 *
 * @param remindAfter how long after the last question a person who has not answered is reminded
 * @param reminders how many reminders a person gets at most
 * @param timeout how long after the last question or reminder an unfinished survey ends as partial
 * @param costPerMessage what one message sent costs, to estimate the cost per completed survey
 * @param currency the currency of {@code costPerMessage}
 */
@ConfigurationProperties("linea.survey")
public record SurveyProperties(Duration remindAfter, Integer reminders, Duration timeout, BigDecimal costPerMessage,
		String currency) {

	public SurveyProperties {
		remindAfter = remindAfter == null ? Duration.ofHours(20) : remindAfter;
		reminders = reminders == null ? 1 : reminders;
		timeout = timeout == null ? Duration.ofHours(48) : timeout;
		costPerMessage = costPerMessage == null ? new BigDecimal("0.01") : costPerMessage;
		currency = currency == null ? "USD" : currency;
	}

}
