package org.linea.broadcast;

import java.time.Instant;
import java.util.Map;

import org.linea.audience.Audience;

/**
 * A broadcast as the API and the page show it.
 *
 * @param recipients people listed when it started (0 before)
 * @param counts people per {@link RecipientStatus}, every status present
 * @param pauseReason USER, DAILY_LIMIT when it waits for the number's 24-hour limit (until {@code resumeAt}), or
 * TEMPLATE_NOT_APPROVED when the provider paused, disabled or rejected its template
 */
public record Broadcast(long id, String line, String name, CampaignStatus status, String pauseReason, Instant resumeAt,
		Instant startAt, int recipients, Map<RecipientStatus, Long> counts, Audience audience, BroadcastMessage message,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	/** People whose message is settled: sent onward, failed or skipped. */
	public long done() {
		return this.counts.entrySet()
			.stream()
			.filter(e -> e.getKey() != RecipientStatus.QUEUED && e.getKey() != RecipientStatus.SENDING)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/** Percentage of the recipients settled, for the progress bar. */
	public int percent() {
		return this.recipients == 0 ? (this.status == CampaignStatus.COMPLETED ? 100 : 0) : (int) (100 * done() / this.recipients);
	}

}
