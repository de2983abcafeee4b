package org.linea.access;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linea.shared.InvalidRequestException;

/**
 * A line's weekly opening hours, in the line's local time. The text form is a list of rules
 * separated by {@code ;}, each a set of days and one or more time ranges:
 * {@code MON-FRI 08:00-13:00, 14:00-18:00; SAT 09:00-12:00}. Days are English or Spanish
 * abbreviations (MON or LUN ...). A range whose end is not after its start runs overnight
 * ({@code FRI 22:00-06:00} is open Friday night until Saturday 06:00). An empty text is always open.
 */
public final class OpeningHours {

	private static final int WEEK_MINUTES = 7 * 24 * 60;

	private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(Map.entry("MON", DayOfWeek.MONDAY),
			Map.entry("TUE", DayOfWeek.TUESDAY), Map.entry("WED", DayOfWeek.WEDNESDAY),
			Map.entry("THU", DayOfWeek.THURSDAY), Map.entry("FRI", DayOfWeek.FRIDAY),
			Map.entry("SAT", DayOfWeek.SATURDAY), Map.entry("SUN", DayOfWeek.SUNDAY), Map.entry("LUN", DayOfWeek.MONDAY),
			Map.entry("MAR", DayOfWeek.TUESDAY), Map.entry("MIE", DayOfWeek.WEDNESDAY),
			Map.entry("JUE", DayOfWeek.THURSDAY), Map.entry("VIE", DayOfWeek.FRIDAY),
			Map.entry("SAB", DayOfWeek.SATURDAY), Map.entry("DOM", DayOfWeek.SUNDAY));

	private static final Pattern RULE = Pattern.compile("([A-Za-zÁÉÍÓÚáéíóú,\\-\\s]+?)\\s+(\\d.*)");

	private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

	/** Open intervals as minutes since Monday 00:00; an end past the week wraps into next Monday. */
	private final List<int[]> intervals;

	private OpeningHours(List<int[]> intervals) {
		this.intervals = intervals;
	}

	public static OpeningHours parse(String text) {
		List<int[]> intervals = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return new OpeningHours(intervals);
		}
		for (String rule : text.split(";")) {
			if (rule.isBlank()) {
				continue;
			}
			Matcher matcher = RULE.matcher(rule.strip());
			if (!matcher.matches()) {
				throw new InvalidRequestException("error.access.opening-hours-read-write", rule.strip());
			}
			Set<DayOfWeek> days = days(matcher.group(1));
			for (String range : matcher.group(2).split(",")) {
				int[] minutes = range(range.strip());
				for (DayOfWeek day : days) {
					int dayStart = (day.getValue() - 1) * 24 * 60;
					int end = minutes[1] > minutes[0] ? minutes[1] : minutes[1] + 24 * 60;
					intervals.add(new int[] { dayStart + minutes[0], dayStart + end });
				}
			}
		}
		return new OpeningHours(intervals);
	}

	public boolean isAlwaysOpen() {
		return this.intervals.isEmpty();
	}

	public boolean isOpen(Instant at, ZoneId zone) {
		if (isAlwaysOpen()) {
			return true;
		}
		int minute = minuteOfWeek(at.atZone(zone));
		return this.intervals.stream()
			.anyMatch(i -> (minute >= i[0] && minute < i[1]) || (minute + WEEK_MINUTES >= i[0] && minute + WEEK_MINUTES < i[1]));
	}

	/** When the line next opens after {@code at}, in the line's zone; empty if it is open now or always open. */
	public Optional<ZonedDateTime> nextOpening(Instant at, ZoneId zone) {
		if (isOpen(at, zone)) {
			return Optional.empty();
		}
		ZonedDateTime now = at.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
		int minute = minuteOfWeek(now);
		int best = Integer.MAX_VALUE;
		for (int[] interval : this.intervals) {
			int start = interval[0] % WEEK_MINUTES;
			int wait = start > minute ? start - minute : start + WEEK_MINUTES - minute;
			best = Math.min(best, wait);
		}
		ZonedDateTime monday = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
		int target = minute + best;
		return Optional.of(monday.toLocalDate()
			.atStartOfDay()
			.plusMinutes(target)
			.atZone(zone));
	}

	/**
	 * How long the line was open between two instants: the time that counts against a response-time
	 * objective. Counted in whole minutes of local time, day by day.
	 */
	public Duration openBetween(Instant from, Instant to, ZoneId zone) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (isAlwaysOpen()) {
			return Duration.between(from, to);
		}
		ZonedDateTime start = from.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
		ZonedDateTime end = to.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
		long open = 0;
		ZonedDateTime cursor = start;
		while (cursor.isBefore(end)) {
			ZonedDateTime dayEnd = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
			ZonedDateTime stop = dayEnd.isBefore(end) ? dayEnd : end;
			open += openMinutesOfDay(cursor, stop);
			cursor = dayEnd;
		}
		return Duration.ofMinutes(open);
	}

	/** Open minutes between two local times of the same day (stop may be the next midnight). */
	private long openMinutesOfDay(ZonedDateTime from, ZonedDateTime stop) {
		int first = minuteOfWeek(from);
		int last = first + (int) Duration.between(from, stop).toMinutes();
		long minutes = 0;
		for (int[] interval : this.intervals) {
			for (int shift : new int[] { -WEEK_MINUTES, 0, WEEK_MINUTES }) {
				int overlapStart = Math.max(first, interval[0] + shift);
				int overlapEnd = Math.min(last, interval[1] + shift);
				if (overlapEnd > overlapStart) {
					minutes += overlapEnd - overlapStart;
				}
			}
		}
		return minutes;
	}

	private static int minuteOfWeek(ZonedDateTime time) {
		return (time.getDayOfWeek().getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute();
	}

	private static Set<DayOfWeek> days(String text) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String part : text.replace(" ", "").split(",")) {
			String[] bounds = part.split("-");
			if (bounds.length == 1) {
				days.add(day(bounds[0]));
			}
			else if (bounds.length == 2) {
				DayOfWeek from = day(bounds[0]);
				DayOfWeek to = day(bounds[1]);
				for (DayOfWeek d = from;; d = d.plus(1)) {
					days.add(d);
					if (d == to) {
						break;
					}
				}
			}
			else {
				throw new InvalidRequestException("error.access.opening-hours-read-days", part);
			}
		}
		return days;
	}

	private static DayOfWeek day(String text) {
		String key = text.strip().toUpperCase(Locale.ROOT).replace('É', 'E').replace('Á', 'A');
		DayOfWeek day = DAYS.get(key.length() > 3 ? key.substring(0, 3) : key);
		if (day == null) {
			throw new InvalidRequestException("error.access.opening-hours-unknown-day", text.strip());
		}
		return day;
	}

	private static int[] range(String text) {
		Matcher matcher = RANGE.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidRequestException("error.access.opening-hours-read-hours", text);
		}
		int start = minutes(matcher.group(1), matcher.group(2));
		int end = minutes(matcher.group(3), matcher.group(4));
		if (start == 24 * 60) {
			throw new InvalidRequestException("error.access.opening-hours-range-start");
		}
		return new int[] { start, end };
	}

	private static int minutes(String hours, String minutes) {
		int h = Integer.parseInt(hours);
		int m = Integer.parseInt(minutes);
		if (h > 24 || m > 59 || (h == 24 && m != 0)) {
			throw new InvalidRequestException("error.access.opening-hours-time-day", hours, minutes);
		}
		return h * 60 + m;
	}

}
