package org.linea.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Which lines and dates a reader asked for, limited to the lines they may report on. Unknown or
 * foreign scopes are reported as missing.
 */
@Service
public class LineScopes {

	private static final int MAX_DAYS = 3 * 366;

	private final LineService lines;

	private final Clock clock;

	LineScopes(LineService lines, Clock clock) {
		this.lines = lines;
		this.clock = clock;
	}

	/** Every scope the current user may pick: each organisation's lines together, then each line. */
	public List<LineScope> choices() {
		Map<Long, List<Line>> byOrganisation = new LinkedHashMap<>();
		this.lines.accessibleLines(Permission.REPORT_READ).forEach(line -> byOrganisation.computeIfAbsent(line.organisationId(), id -> new ArrayList<>()).add(line));
		List<LineScope> choices = new ArrayList<>();
		byOrganisation.forEach((organisation, its) -> {
			if (its.size() > 1) {
				choices.add(new LineScope("org:" + organisation, organisation, null, its, null, null));
			}
			its.forEach(line -> choices.add(new LineScope("line:" + line.key(), organisation, line.name(), List.of(line), null, null)));
		});
		return choices;
	}

	/**
	 * The scope with this key (the first one the user may read when blank) from {@code from} to
	 * {@code to}; by default the last seven days.
	 */
	public LineScope resolve(String key, LocalDate from, LocalDate to) {
		List<LineScope> choices = choices();
		if (choices.isEmpty()) {
			throw new NotFoundException("error.missing.report-line");
		}
		LineScope scope = key == null || key.isBlank() ? choices.getFirst()
				: choices.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(() -> new NotFoundException("error.missing.scope", key));
		LocalDate end = to != null ? to : LocalCalendar.day(this.clock.instant(), scope.zone());
		LocalDate start = from != null ? from : end.minusDays(6);
		if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidRequestException("error.feedback.choose-range-up-three");
		}
		return scope.between(start, end);
	}

}
