package org.linea.channel.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Graph API is.
 *
 * @param graphUrl base address with the API version, e.g. {@code https://graph.facebook.com/v23.0}; a
 * local fake in tests and benchmarks
 */
@ConfigurationProperties("linea.whatsapp")
public record WhatsAppProperties(String graphUrl) {

	public WhatsAppProperties {
		graphUrl = graphUrl == null || graphUrl.isBlank() ? "https://graph.facebook.com/v23.0" : graphUrl.replaceAll("/+$", "");
	}

}
