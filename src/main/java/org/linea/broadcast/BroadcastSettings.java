package org.linea.broadcast;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;

/**
 * A line's rules for broadcasts.
 *
 * @param quietFrom no broadcast goes out from this local time (line's time zone)...
 * @param quietUntil ...until this one; both null: no quiet hours
 * @param weeklyCap broadcasts one person receives at most in 7 days, over all campaigns
 * @param dailyLimit unique people the number may reach in 24 hours (WhatsApp's messaging tier); null: none
 */
public record BroadcastSettings(LocalTime quietFrom, LocalTime quietUntil, int weeklyCap, Integer dailyLimit) {

	/** Meta's first messaging tier: what a WhatsApp number may reach until it is upgraded. */
	static final int FIRST_TIER = 250;

	static final int DEFAULT_WEEKLY_CAP = 3;

	/** Whether the moment falls in the quiet hours (which may run past midnight, e.g. 21:00 to 08:00). */
	boolean quiet(Instant at, ZoneId zone) {
		if (this.quietFrom == null || this.quietUntil == null || this.quietFrom.equals(this.quietUntil)) {
			return false;
		}
		LocalTime local = ZonedDateTime.ofInstant(at, zone).toLocalTime();
		return this.quietFrom.isBefore(this.quietUntil) ? !local.isBefore(this.quietFrom) && local.isBefore(this.quietUntil)
				: !local.isBefore(this.quietFrom) || local.isBefore(this.quietUntil);
	}

}
