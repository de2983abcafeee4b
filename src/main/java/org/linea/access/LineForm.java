package org.linea.access;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.linea.access.ChannelType;
import org.linea.shared.validation.CountryCode;
import org.linea.shared.validation.LanguageCode;
import org.linea.shared.validation.TimeZoneId;

/** What an admin fills in to open a line; the response-time objective defaults to 30 minutes. */
public record LineForm(@NotNull(message = "{linea.validation.organisation}") Long organisationId,
		@NotBlank(message = "{linea.validation.lineKey}") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "{linea.validation.lineKey}") String key,
		@NotBlank(message = "{linea.validation.lineName}") @Size(max = 120, message = "{linea.validation.lineName}") String name,
		@NotNull(message = "{linea.validation.channel}") ChannelType channelType,
		@NotBlank(message = "{linea.validation.country}") @CountryCode String countryCode,
		@NotBlank(message = "{linea.validation.timeZone}") @TimeZoneId String timeZone,
		@NotEmpty(message = "{linea.validation.languages}") @Size(max = 10, message = "{linea.validation.languages}") List<@NotNull(message = "{linea.validation.language}") @LanguageCode String> languages,
		@Size(max = 500, message = "{linea.validation.openingHours}") String openingHours,
		@Min(value = 1, message = "{linea.validation.retention}") @Max(value = 3650, message = "{linea.validation.retention}") int retentionDays,
		@Min(value = 1, message = "{linea.validation.firstResponse}") @Max(value = 10080, message = "{linea.validation.firstResponse}") Integer firstResponseMinutes) {

	public int firstResponseMinutesOrDefault() {
		return this.firstResponseMinutes == null ? 30 : this.firstResponseMinutes;
	}

}
