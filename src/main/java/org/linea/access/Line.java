package org.linea.access;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.linea.access.ChannelType;

/**
 * A number on a channel, run by one organisation, with its own languages, hours and retention.
 *
 * @param languages ISO 639-1 codes, the first is the line's default language
 * @param openingHours weekly hours, e.g. {@code MON-FRI 08:00-18:00; SAT 09:00-13:00}; empty is always open
 * @param firstResponseMinutes the response-time objective: a first answer within this many minutes
 * @param closedAt when the line closes or closed (its exit): from then on people writing in get the referral
 * to other services; null while it runs
 */
public record Line(long id, long organisationId, String key, String name, ChannelType channelType, String countryCode,
		ZoneId timeZone, List<String> languages, String openingHours, int retentionDays, int firstResponseMinutes,
		boolean active, Instant closedAt) {

	public String defaultLanguage() {
		return this.languages.getFirst();
	}

	/** Whether the line has closed by this time. */
	public boolean closed(Instant now) {
		return this.closedAt != null && !this.closedAt.isAfter(now);
	}

	/** Whether the line has closed by now (for pages). */
	public boolean closedNow() {
		return closed(Instant.now());
	}

	public Locale defaultLocale() {
		return Locale.forLanguageTag(defaultLanguage());
	}

}
