package org.linea.channel.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Twilio's REST API is.
 *
 * @param apiUrl {@code https://api.twilio.com} by default; a local fake in tests and benchmarks
 */
@ConfigurationProperties("linea.twilio")
public record TwilioProperties(String apiUrl) {

	public TwilioProperties {
		apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl.replaceAll("/+$", "");
	}

}
