package org.linea.mfa;

import java.io.IOException;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Spring Security's multi-factor support applied to Linea: every authorization rule built from the
 * {@link DefaultAuthorizationManagerFactory} bean ({@code authenticated()}, {@code hasRole(..)}) also
 * requires {@code FACTOR_TOTP} of a password session whose user has an authenticator or must have one.
 * API calls with a bearer token carry no password factor and are not affected.
 */
@Configuration(proxyBeanMethods = false)
public class MfaSecurity {

	@Bean
	DefaultAuthorizationManagerFactory<Object> authorizationManagerFactory(MfaService mfa) {
		Predicate<Authentication> due = auth -> auth.getPrincipal() instanceof LineaUser user
				&& SecondFactor.has(auth, FactorGrantedAuthority.PASSWORD_AUTHORITY) && !SecondFactor.has(auth, SecondFactor.AUTHORITY)
				&& mfa.secondStepDue(user);
		return AuthorizationManagerFactories.multiFactor()
			.requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactor.AUTHORITY)
			.when(due)
			.build();
	}

	/** Pages of the second step itself: a password session may reach them before the code. */
	public static AuthorizationManager<RequestAuthorizationContext> secondStepPages() {
		return AuthenticatedAuthorizationManager.authenticated();
	}

	/**
	 * Enrolment: open to a password session of a user without an authenticator (so that one who must
	 * enrol can); replacing an existing authenticator needs its code first.
	 */
	public static AuthorizationManager<RequestAuthorizationContext> enrolmentPages(MfaService mfa) {
		Predicate<Authentication> enrolled = auth -> auth.getPrincipal() instanceof LineaUser user
				&& SecondFactor.has(auth, FactorGrantedAuthority.PASSWORD_AUTHORITY) && !SecondFactor.has(auth, SecondFactor.AUTHORITY)
				&& mfa.enrolled(user.id());
		return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
			.requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactor.AUTHORITY)
			.when(enrolled)
			.build()
			.authenticated();
	}

	/** Where a session missing the second factor is sent: the code page, or enrolment when it has no authenticator yet. */
	@Component
	public static class SecondStepEntryPoint implements AuthenticationEntryPoint {

		private final MfaService mfa;

		SecondStepEntryPoint(MfaService mfa) {
			this.mfa = mfa;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
				throws IOException {
			boolean enrolled = CurrentUser.find().map(user -> this.mfa.enrolled(user.id())).orElse(true);
			response.sendRedirect(request.getContextPath() + (enrolled ? "/login/code" : "/mfa/enrol"));
		}

	}

}
