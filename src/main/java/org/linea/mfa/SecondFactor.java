package org.linea.mfa;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The factors a session has shown, as Spring Security's {@link FactorGrantedAuthority}: the login form
 * grants {@code FACTOR_PASSWORD}; a right code from the authenticator (or a recovery code) adds
 * {@code FACTOR_TOTP} to the same session.
 */
public final class SecondFactor {

	public static final String AUTHORITY = "FACTOR_TOTP";

	/** A password given this recently counts as re-authentication for enrolling an authenticator. */
	static final Duration RECENT_PASSWORD = Duration.ofMinutes(10);

	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	private SecondFactor() {
	}

	public static boolean has(Authentication authentication, String factor) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a instanceof FactorGrantedAuthority && factor.equals(a.getAuthority()));
	}

	static boolean passwordGivenSince(Authentication authentication, Instant since) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()) && a.getIssuedAt().isAfter(since));
	}

	/** Adds the second factor to the signed-in session, under a new session id (no fixation across the step). */
	static void complete(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (has(current, AUTHORITY)) {
			return;
		}
		GrantedAuthority factor = FactorGrantedAuthority.fromAuthority(AUTHORITY);
		Authentication completed = current.toBuilder().authorities(authorities -> authorities.add(factor)).build();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(completed);
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

}
