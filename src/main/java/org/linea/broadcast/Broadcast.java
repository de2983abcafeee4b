package org.linea.broadcast;

import java.time.Instant;
import java.util.Map;

import org.linea.audience.Audience;

/**
 * A broadcast as the API and the page show it.
 *
 * @param recipients people listed when it started (0 before)
 * @param counts people per {@link RecipientStatus}, every status present
 * @param kind a broadcast to an audience, an announcement or a closing line's last message
 * @param pauseReason USER, DAILY_LIMIT when it waits for the number's 24-hour limit (until {@code resumeAt}), or
 * TEMPLATE_NOT_APPROVED when the provider paused, disabled or rejected its template
 */
public record Broadcast(long id, String line, String name, CampaignStatus status, String pauseReason, Instant resumeAt,
		Instant startAt, int recipients, Map<RecipientStatus, Long> counts, Audience audience, BroadcastMessage message,
		Instant createdAt, Instant startedAt, Instant finishedAt, CampaignKind kind) {

	/** The consent each of its people needs (e.g. BROADCASTS); null for a service message, which only an opt-out stops. */
	public String consentPurpose() {
		return this.kind != null && this.kind.service() ? null : this.audience.consent().name();
	}

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
