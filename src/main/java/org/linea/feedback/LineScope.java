package org.linea.feedback;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.linea.access.Line;

/**
 * The lines a log, dashboard or report covers, and its dates (inclusive, in each line's own days):
 * one line, or every line of an organisation.
 *
 * @param key {@code line:<key>} or {@code org:<id>}, as the scope picker submits it
 */
public record LineScope(String key, long organisationId, String label, List<Line> lines, LocalDate from, LocalDate to) {

	public Long[] lineIds() {
		return this.lines.stream().map(Line::id).toArray(Long[]::new);
	}

	/** The zone the scope's weeks are told in: the first line's. */
	public ZoneId zone() {
		return this.lines.getFirst().timeZone();
	}

	/** The first instant of its first day and the first instant after its last day, in its zone: for "at >= ? and at < ?". */
	public Timestamp[] instants() {
		return new Timestamp[] { Timestamp.from(this.from.atStartOfDay(zone()).toInstant()),
				Timestamp.from(this.to.plusDays(1).atStartOfDay(zone()).toInstant()) };
	}

	public LineScope between(LocalDate from, LocalDate to) {
		return new LineScope(this.key, this.organisationId, this.label, this.lines, from, to);
	}

}
