package org.linea.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained.
 *
 * @param pollInterval how often each node looks for due messages (it is also woken when one is queued)
 * @param batchSize messages claimed per round
 * @param maxAttempts tries before a message that keeps failing transiently is marked failed
 * @param initialBackoff wait before the first retry, doubled each attempt, with jitter
 * @param sendTimeout how long a claimed message may stay "sending" before another node retries it
 */
@ConfigurationProperties("linea.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Integer maxAttempts, Duration initialBackoff,
		Duration sendTimeout) {

	public OutboxProperties {
		pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
		batchSize = batchSize == null ? 50 : batchSize;
		maxAttempts = maxAttempts == null ? 8 : maxAttempts;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
		sendTimeout = sendTimeout == null ? Duration.ofSeconds(60) : sendTimeout;
	}

}
