package org.linea.feedback;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Days and weeks as the line lives them: in its own time zone, weeks from Monday. */
public final class LocalCalendar {

	private LocalCalendar() {
	}

	public static LocalDate day(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate();
	}

	public static LocalDate weekStart(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public static LocalDate weekStart(Instant at, ZoneId zone) {
		return weekStart(day(at, zone));
	}

}
