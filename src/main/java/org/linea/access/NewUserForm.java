package org.linea.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff member an admin adds, with their first role; the password is checked by {@link PasswordPolicy}. */
public record NewUserForm(
		@NotNull(message = "{linea.validation.username}") @Pattern(regexp = "[a-z0-9._@-]{2,64}", message = "{linea.validation.username}") String username,
		@NotBlank(message = "{linea.validation.displayName}") @Size(max = 120, message = "{linea.validation.displayName}") String displayName,
		@NotNull(message = "{security.password.required}") String password, Long organisationId, Role role) {
}
