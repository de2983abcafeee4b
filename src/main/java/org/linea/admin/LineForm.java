package org.linea.admin;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.linea.channel.ChannelType;

/** What an admin fills in to open a line; the response-time objective defaults to 30 minutes. */
public record LineForm(@NotNull Long organisationId, @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String key,
		@NotBlank String name, @NotNull ChannelType channelType, @NotBlank @Pattern(regexp = "[A-Z]{2}") String countryCode,
		@NotBlank String timeZone, @NotEmpty List<@Pattern(regexp = "[a-z]{2,3}") String> languages, String openingHours,
		@Min(1) @Max(3650) int retentionDays, @Min(1) @Max(10080) Integer firstResponseMinutes) {

	public int firstResponseMinutesOrDefault() {
		return this.firstResponseMinutes == null ? 30 : this.firstResponseMinutes;
	}

}
