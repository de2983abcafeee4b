package org.linea.channel;

import java.time.Duration;

/** What a provider answered to a send. */
public sealed interface SendResult {

	/** Accepted: the provider's id for the message, and the status it reports at once. */
	record Accepted(String providerMessageId, DeliveryStatus status) implements SendResult {
	}

	/** Not now (rate limit, outage): try again later, after {@code retryAfter} if the provider said. */
	record Retry(String error, Duration retryAfter) implements SendResult {
	}

	/** Refused for good: the provider's error code and its meaning. */
	record Failed(String errorCode, String reason) implements SendResult {
	}

}
