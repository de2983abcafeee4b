package org.linea.access;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an administrator changes on a line; what is left out stays as it is. */
public record LineChanges(@Schema(example = "Línea Migrantes Lima") String name,
		@Schema(example = "America/Lima") String timeZone,
		@Schema(example = "[\"es\", \"en\", \"ht\"]") List<String> languages,
		@Schema(example = "mon-fri 08:00-18:00; sat 09:00-13:00") String openingHours,
		@Schema(example = "90") Integer retentionDays,
		@Schema(example = "30") Integer firstResponseMinutes) {

	LineForm appliedTo(Line line) {
		return new LineForm(line.organisationId(), line.key(), this.name != null ? this.name : line.name(), line.channelType(),
				line.countryCode(), this.timeZone != null ? this.timeZone : line.timeZone().getId(),
				this.languages != null ? this.languages : line.languages(),
				this.openingHours != null ? this.openingHours : line.openingHours(),
				this.retentionDays != null ? this.retentionDays : line.retentionDays(),
				this.firstResponseMinutes != null ? this.firstResponseMinutes : line.firstResponseMinutes());
	}

}
