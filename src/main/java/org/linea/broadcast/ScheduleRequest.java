package org.linea.broadcast;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.linea.audience.Audience;
import org.linea.shared.InvalidRequestException;

/**
 * A recurring broadcast: on these days at this local time (the line's time zone), the next key message
 * of the content calendar ({@code entries}, in turn), with a template for people outside the window.
 */
public record ScheduleRequest(String name, Audience audience, List<DayOfWeek> days, LocalTime time, List<String> entries,
		BroadcastMessage.TemplateRef template) {

	ScheduleRequest validated() {
		if (this.name == null || this.name.isBlank() || this.name.length() > 200) {
			throw new InvalidRequestException("error.broadcast.schedule-name-most-200");
		}
		if (this.audience == null || this.days == null || this.days.isEmpty() || this.time == null || this.entries == null
				|| this.entries.isEmpty()) {
			throw new InvalidRequestException("error.broadcast.schedule-audience-days-time");
		}
		this.audience.validated();
		return this;
	}

}
