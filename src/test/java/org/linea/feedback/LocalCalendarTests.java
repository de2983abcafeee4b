package org.linea.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCalendarTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	@Test
	void sundayEveningInLimaIsStillTheWeekThatStartedOnMondayThoughItIsMondayInUtc() {
		// Sunday 2026-11-22 22:30 in Lima is Monday 03:30 UTC
		Instant at = Instant.parse("2026-11-23T03:30:00Z");
		assertThat(LocalCalendar.day(at, LIMA)).isEqualTo(LocalDate.of(2026, 11, 22));
		assertThat(LocalCalendar.weekStart(at, LIMA)).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(LocalCalendar.weekStart(at, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void mondayJustAfterMidnightInMadridStartsTheNewWeekThoughItIsSundayInUtc() {
		Instant at = Instant.parse("2026-11-22T23:30:00Z");
		assertThat(LocalCalendar.weekStart(at, MADRID)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(LocalCalendar.weekStart(at, LIMA)).isEqualTo(LocalDate.of(2026, 11, 16));
	}

	@Test
	void aWeekAcrossTheEndOfDaylightSavingTimeStartsOnItsMonday() {
		// Madrid leaves summer time on Sunday 2026-10-25
		Instant sundayNight = Instant.parse("2026-10-25T22:59:00Z");
		assertThat(LocalCalendar.day(sundayNight, MADRID)).isEqualTo(LocalDate.of(2026, 10, 25));
		assertThat(LocalCalendar.weekStart(sundayNight, MADRID)).isEqualTo(LocalDate.of(2026, 10, 19));
		assertThat(LocalCalendar.weekStart(Instant.parse("2026-10-25T23:00:00Z"), MADRID)).isEqualTo(LocalDate.of(2026, 10, 26));
	}

}
