package org.linea.feedback.rumour;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A group of rumours with its reports, reports per week, status history and the counter-messages sent.
 *
 * @param reports what people said; empty for readers who may not see message text
 * @param zone the time zone its times are shown in: its organisation's first line's
 * @param editable whether the reader may change its status, counter-message and send it
 */
public record RumourDetail(RumourSummary summary, List<Report> reports, Map<LocalDate, Long> weeks, List<StatusChange> history,
		List<Delivery> deliveries, boolean editable, ZoneId zone) {

	public record Report(long conversationId, String contactCode, String lineName, String text, String location, String flaggedBy,
			Instant flaggedAt) {
	}

	public record StatusChange(RumourStatus status, String changedBy, Instant changedAt) {
	}

	/** @param outcome TEXT or TEMPLATE when sent, else OPTED_OUT, NO_TEMPLATE or NO_ANSWER */
	public record Delivery(String contactCode, String lineName, String outcome, String entryKey, String language, String sentBy,
			Instant sentAt) {
	}

}
