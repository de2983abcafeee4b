package org.linea.web;

import java.time.Clock;

import org.linea.access.ApiTokenService;
import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.mfa.MfaSecurity;
import org.linea.mfa.MfaService;
import org.linea.mfa.SecondFactor;
import org.linea.web.session.AbsoluteSessionLifetime;
import org.linea.web.throttle.RequestRateLimits;
import org.linea.web.throttle.SignInThrottle;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

/**
 * Three doors: providers reach {@code /webhooks} with a signature instead of a login; scripts reach {@code /api} and {@code /actuator} with a personal access token (Bearer,
 * no session, no CSRF since no cookie is involved); people reach every page through the login form,
 * with CSRF protection on every form. Every page needs a signed-in user; every route declares its
 * permission ({@code org.linea.access.Requires}, enforced by {@code RouteGuard}) and feature services
 * check it on the organisation concerned ({@code org.linea.access.Access}). Users who have or must
 * have an authenticator also give a code after the password (see {@code org.linea.mfa.MfaSecurity}):
 * rules written with {@code authenticated()} or {@code hasRole(..)} require it; a rule given its own
 * manager with {@code access(..)} does not, unless it adds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/**
	 * No observation of each security filter and authorization: on a webhook they cost more CPU than
	 * the filters themselves (JFR, bench/README "Ingest"). Each request is still observed as a whole
	 * ({@code http.server.requests}, the ack latency on the dashboard); what the filters decide is unchanged.
	 * {@code linea.security.observe-filters=true} observes them again (to compare in bench/ingest.sh).
	 */
	@Bean
	@ConditionalOnProperty(name = "linea.security.observe-filters", havingValue = "false", matchIfMissing = true)
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Providers call the webhooks without a login or a cookie: each webhook checks the provider's
	 * signature instead (Meta's X-Hub-Signature-256, Twilio's X-Twilio-Signature).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, RequestRateLimits limits) throws Exception {
		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.INSTALLATION_ADMIN.name())
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.addFilterAfter(limits, AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, UserService users, SignInThrottle signInThrottle, RequestRateLimits limits,
			SecurityProperties properties, Clock clock, MfaService mfa, MfaSecurity.SecondStepEntryPoint secondStep) throws Exception {
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/v3/api-docs",
						"/v3/api-docs/**")
				.permitAll()
				// the second step of sign-in: reached with the password alone (every other rule also wants the code, see MfaSecurity)
				.requestMatchers("/login/code")
				.access(MfaSecurity.secondStepPages())
				.requestMatchers("/mfa/enrol")
				.access(MfaSecurity.enrolmentPages(mfa))
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.defaultDeniedHandlerForMissingAuthority(secondStep, SecondFactor.AUTHORITY))
			.addFilterAfter(new RefreshSignedInUser(users), SecurityContextHolderAwareRequestFilter.class)
			.addFilterBefore(new SignInThrottle.Filter(signInThrottle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AbsoluteSessionLifetime(properties.session().absoluteTimeout(), clock), SecurityContextHolderFilter.class)
			.addFilterAfter(limits, AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
