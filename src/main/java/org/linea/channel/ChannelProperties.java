package org.linea.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the provider-facing side.
 *
 * @param maxWebhookBody larger webhook bodies are refused with 413 before anything is read into memory
 * @param maxMediaSize media a person sends beyond this size is not stored (the message is)
 * @param providerTimeout how long a call to a provider may take before it counts as a transient failure
 */
@ConfigurationProperties("linea.channel")
public record ChannelProperties(DataSize maxWebhookBody, DataSize maxMediaSize, Duration providerTimeout) {

	public ChannelProperties {
		maxWebhookBody = maxWebhookBody == null ? DataSize.ofMegabytes(1) : maxWebhookBody;
		maxMediaSize = maxMediaSize == null ? DataSize.ofMegabytes(16) : maxMediaSize;
		providerTimeout = providerTimeout == null ? Duration.ofSeconds(15) : providerTimeout;
	}

}
