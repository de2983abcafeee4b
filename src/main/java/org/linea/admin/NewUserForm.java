package org.linea.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff member an admin adds, with their first role. */
public record NewUserForm(@NotBlank @Pattern(regexp = "[a-z0-9._@-]{2,64}") String username, @NotBlank String displayName,
		@Size(min = 12, max = 128) String password, Long organisationId, Role role) {
}
