package org.linea.access;

import org.linea.access.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.linea.shared.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static Instant lima(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(LIMA).toInstant();
	}

	@Test
	void openOnWeekdaysWithinHoursInTheLinesZone() {
		OpeningHours hours = OpeningHours.parse("MON-FRI 08:00-18:00; SAT 09:00-13:00");
		// 2026-11-23 is a Monday
		assertThat(hours.isOpen(lima("2026-11-23T08:00"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-23T17:59"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-23T18:00"), LIMA)).isFalse();
		assertThat(hours.isOpen(lima("2026-11-28T12:00"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-29T12:00"), LIMA)).isFalse();
	}

	@Test
	void theSameInstantIsOpenInOneZoneAndClosedInAnother() {
		OpeningHours hours = OpeningHours.parse("MON-FRI 08:00-18:00");
		Instant mondayNoonUtc = Instant.parse("2026-11-23T12:00:00Z");
		assertThat(hours.isOpen(mondayNoonUtc, ZoneId.of("Europe/Madrid"))).isTrue();
		assertThat(hours.isOpen(mondayNoonUtc, LIMA)).isFalse();
	}

	@Test
	void overnightHoursRunIntoTheNextDayAndAcrossTheWeekEnd() {
		OpeningHours hours = OpeningHours.parse("FRI-SUN 22:00-06:00");
		assertThat(hours.isOpen(lima("2026-11-27T23:30"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-28T05:59"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-28T06:00"), LIMA)).isFalse();
		// Sunday night runs into Monday morning
		assertThat(hours.isOpen(lima("2026-11-30T03:00"), LIMA)).isTrue();
		assertThat(hours.isOpen(lima("2026-11-30T07:00"), LIMA)).isFalse();
	}

	@Test
	void saysWhenTheLineOpensNext() {
		OpeningHours hours = OpeningHours.parse("LUN-VIE 08:00-13:00, 14:00-18:00");
		assertThat(hours.nextOpening(lima("2026-11-23T13:30"), LIMA)).contains(ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, LIMA));
		assertThat(hours.nextOpening(lima("2026-11-27T19:00"), LIMA)).contains(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, LIMA));
		assertThat(hours.nextOpening(lima("2026-11-23T09:00"), LIMA)).isEmpty();
	}

	@Test
	void emptyMeansAlwaysOpen() {
		OpeningHours hours = OpeningHours.parse("  ");
		assertThat(hours.isAlwaysOpen()).isTrue();
		assertThat(hours.nextOpening(Instant.now(), LIMA)).isEmpty();
	}

	@Test
	void allDayWithTwentyFourHundred() {
		assertThat(OpeningHours.parse("SUN 00:00-24:00").isOpen(lima("2026-11-29T23:59"), LIMA)).isTrue();
	}

	@Test
	void explainsWhatItCannotRead() {
		assertThatThrownBy(() -> OpeningHours.parse("weekdays 8-6")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> OpeningHours.parse("MON 25:00-26:00")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("not a time of day");
		assertThatThrownBy(() -> OpeningHours.parse("XYZ 08:00-10:00")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("unknown day");
	}

	@Test
	void countsOnlyOpenTimeTowardsTheResponseObjective() {
		OpeningHours hours = OpeningHours.parse("MON-FRI 08:00-18:00");
		// written Friday 17:30, now Monday 08:45: 30 minutes on Friday and 45 on Monday
		assertThat(hours.openBetween(lima("2026-11-27T17:30"), lima("2026-11-30T08:45"), LIMA)).isEqualTo(Duration.ofMinutes(75));
		assertThat(hours.openBetween(lima("2026-11-28T10:00"), lima("2026-11-29T20:00"), LIMA)).isZero();
		assertThat(OpeningHours.parse("").openBetween(lima("2026-11-28T10:00"), lima("2026-11-28T10:30"), LIMA))
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void overnightHoursCountAcrossMidnightAndTheEndOfTheWeek() {
		OpeningHours hours = OpeningHours.parse("SUN 22:00-02:00");
		assertThat(hours.openBetween(lima("2026-11-29T21:00"), lima("2026-11-30T03:00"), LIMA)).isEqualTo(Duration.ofHours(4));
	}

}
