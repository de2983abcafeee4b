package org.linea.channel;

import java.time.Duration;

/** What a provider answered to a send. */
public sealed interface SendResult {

	/** Accepted: the provider's id for the message, and the status it reports at once. */
	record Accepted(String providerMessageId, DeliveryStatus status) implements SendResult {
	}

	/** Not now (outage, timeout): try again later, after {@code retryAfter} if the provider said. */
	record Retry(String error, Duration retryAfter) implements SendResult {
	}

	/**
	 * The provider asks to slow down. {@code wholeLine}: the number's throughput is exceeded and the line
	 * pauses; otherwise only this recipient is held back (Meta's pair rate limit).
	 */
	record Throttled(String errorCode, boolean wholeLine, Duration retryAfter) implements SendResult {
	}

	/** Refused for good: the provider's error code and its meaning. */
	record Failed(String errorCode, String reason) implements SendResult {
	}

}
