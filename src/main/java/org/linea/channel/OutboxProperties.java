package org.linea.channel;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained.
 *
 * @param enabled whether this node sends (a node can serve pages and webhooks only)
 * @param pollInterval how often each node looks for due messages (it is also woken when one is queued)
 * @param batchSize messages claimed per round, over all lines
 * @param lookahead a line's messages claimed per round are those its rate allows in this time
 * @param maxAttempts tries before a message that keeps failing transiently is marked failed
 * @param initialBackoff wait before the first retry, doubled each attempt, with jitter
 * @param sendTimeout how long a provider call may stay unanswered before the message is given up on;
 * longer than {@code linea.channel.provider-timeout}
 * @param confirmWait how long a send whose outcome is unknown (the call timed out, or the node stopped
 * during it) waits for the provider's status report naming it, before it is sent once more
 * @param atMostOnceLines keys of lines (or {@code *} for all) whose unconfirmed sends are never repeated:
 * their conversations are put before operators as "reply may not have arrived" instead
 */
@ConfigurationProperties("linea.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Duration lookahead,
		Integer maxAttempts, Duration initialBackoff, Duration sendTimeout, Duration confirmWait, List<String> atMostOnceLines) {

	public OutboxProperties {
		enabled = enabled == null || enabled;
		pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
		batchSize = batchSize == null ? 200 : batchSize;
		lookahead = lookahead == null ? Duration.ofSeconds(2) : lookahead;
		maxAttempts = maxAttempts == null ? 8 : maxAttempts;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
		sendTimeout = sendTimeout == null ? Duration.ofSeconds(60) : sendTimeout;
		confirmWait = confirmWait == null ? Duration.ofSeconds(60) : confirmWait;
		atMostOnceLines = atMostOnceLines == null ? List.of() : List.copyOf(atMostOnceLines);
	}

}
