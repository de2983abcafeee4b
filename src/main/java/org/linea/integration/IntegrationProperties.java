package org.linea.integration;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing webhooks.
 *
 * @param allowedHosts hosts allowed although they resolve to a loopback, private or link-local address
 * (by default none: an organisation's webhook cannot reach the installation's own network), and the
 * only hosts allowed over plain http
 * @param timeout how long a receiver may take to answer one delivery
 * @param maxAttempts tries before a delivery is marked failed
 * @param firstRetry wait before the second try; each further wait doubles
 */
@ConfigurationProperties("linea.integration")
record IntegrationProperties(List<String> allowedHosts, Duration timeout, Integer maxAttempts, Duration firstRetry) {

	IntegrationProperties {
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		maxAttempts = maxAttempts == null ? 12 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
	}

}
