package org.linea.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on first start.
 *
 * @param username login of the first administrator (default {@code admin})
 * @param password its password; when empty a random one is generated and printed once in the log
 * @param token a personal access token given to the first administrator at start, for scripted setups
 */
@ConfigurationProperties("linea.admin")
public record AdminProperties(String username, String password, String token) {

	public AdminProperties {
		if (username == null || username.isBlank()) {
			username = "admin";
		}
	}

}
