package org.linea.closure;

import java.time.Instant;
import java.util.Map;

/**
 * A line's closure as the API and the settings page show it.
 *
 * @param broadcast the broadcast campaign of the last message
 * @param recipients people who wrote in within {@code activeDays} and are sent the last message
 * @param skipped people who wrote in then but opted out since
 * @param referral the organisation's own referral texts per language (empty: the shipped one with the alternatives)
 */
public record Closure(String line, Instant closesAt, boolean closed, String alternatives, int activeDays, Long broadcast,
		int recipients, long skipped, Map<String, String> referral) {

	/** A line with no closure: it runs. */
	static Closure running(String line) {
		return new Closure(line, null, false, null, 0, null, 0, 0, Map.of());
	}

}
