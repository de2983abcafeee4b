package org.linea.channel.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Twilio's REST API is.
 *
 * @param apiUrl {@code https://api.twilio.com} by default; a local fake in tests and benchmarks
 * @param contentUrl the Content API (templates), {@code https://content.twilio.com} by default
 */
@ConfigurationProperties("linea.twilio")
public record TwilioProperties(String apiUrl, String contentUrl) {

	public TwilioProperties {
		apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl.replaceAll("/+$", "");
		contentUrl = contentUrl == null || contentUrl.isBlank() ? "https://content.twilio.com" : contentUrl.replaceAll("/+$", "");
	}

}
