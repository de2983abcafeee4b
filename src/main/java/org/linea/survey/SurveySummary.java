package org.linea.survey;

import java.time.Instant;

/** A survey as lists show it. */
public record SurveySummary(long id, long lineId, String formId, String version, String title, Instant createdAt, int waves,
		int invited, int completed) {
}
