package org.linea.access;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member behind the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<LineaUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getPrincipal() instanceof LineaUser user) ? Optional.of(user) : Optional.empty();
	}

	public static LineaUser require() {
		return find().orElseThrow(() -> new AccessDeniedException("Sign-in required"));
	}

}
