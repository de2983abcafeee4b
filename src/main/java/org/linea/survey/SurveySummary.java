package org.linea.survey;

import java.time.Instant;

/**
 * A survey as lists show it.
 *
 * @param frozen people were asked it: an edit becomes a new version
 * @param previousId the survey this one is a later version of, or null
 */
public record SurveySummary(long id, long lineId, String formId, String version, String title, Instant createdAt, int waves,
		int invited, int completed, boolean frozen, Long previousId) {
}
