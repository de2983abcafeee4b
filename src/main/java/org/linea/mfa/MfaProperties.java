package org.linea.mfa;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Two-step sign-in.
 *
 * @param issuer the name authenticator apps show beside the account (default {@code Linea})
 */
@ConfigurationProperties("linea.mfa")
public record MfaProperties(String issuer) {

	public MfaProperties {
		if (issuer == null || issuer.isBlank()) {
			issuer = "Linea";
		}
	}

}
