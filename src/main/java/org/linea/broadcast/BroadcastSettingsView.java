package org.linea.broadcast;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.linea.access.Line;

/**
 * A line's broadcast rules as shown: times as "HH:mm" in the line's time zone, which is given too.
 *
 * @param whatsApp whether the line is on WhatsApp (its daily limit is the messaging tier: 250, 2000, 10000, 100000)
 */
public record BroadcastSettingsView(String line, String timeZone, String quietFrom, String quietUntil, int weeklyCap,
		Integer dailyLimit, boolean whatsApp) {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	static BroadcastSettingsView of(Line line, BroadcastSettings settings, boolean whatsApp) {
		return new BroadcastSettingsView(line.key(), line.timeZone().getId(), format(settings.quietFrom()), format(settings.quietUntil()),
				settings.weeklyCap(), settings.dailyLimit(), whatsApp);
	}

	private static String format(LocalTime time) {
		return time == null ? null : HH_MM.format(time);
	}

}
