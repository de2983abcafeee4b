package org.linea.web;

import org.linea.access.LineaUser;
import org.linea.access.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;

/**
 * Logs sign-ins, failed sign-ins and refusals by account id: no username (it can be a person's e-mail,
 * or a password typed in the wrong field), no address.
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	private final UserService users;

	SignInEvents(UserService users) {
		this.users = users;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof LineaUser user) {
			this.users.recordLogin(user.id());
			log.info("Sign-in user={}", user.id());
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		log.warn("Failed sign-in reason={}", event.getException().getClass().getSimpleName());
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		if (event.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
			// not a refusal: the session is on its way to the second step of sign-in
			return;
		}
		var auth = event.getAuthentication().get();
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof LineaUser user) {
			log.warn("Access denied user={}", user.id());
		}
	}

}
