package org.linea.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times for templates ({@code @formats}): shown in the line's time zone and the reader's language. */
@Component("formats")
public class Formats {

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	/** How long ago, compactly: "45 s", "12 min", "2 h 5 min", "3 d". */
	public String elapsed(Instant since) {
		return since == null ? "" : compact(Duration.between(since, Instant.now(this.clock)));
	}

	/** How long until, compactly; "0 s" once past. */
	public String remaining(Instant until) {
		return until == null ? "" : compact(Duration.between(Instant.now(this.clock), until));
	}

	private static String compact(Duration duration) {
		Duration d = duration;
		if (d.isNegative()) {
			d = Duration.ZERO;
		}
		if (d.toMinutes() < 1) {
			return d.toSeconds() + " s";
		}
		if (d.toHours() < 1) {
			return d.toMinutes() + " min";
		}
		if (d.toDays() < 1) {
			return d.toHours() + " h " + d.toMinutesPart() + " min";
		}
		return d.toDays() + " d";
	}

	/** Date and time in the line's zone. */
	public String time(Instant at, ZoneId zone) {
		if (at == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(at.atZone(zone));
	}

}
