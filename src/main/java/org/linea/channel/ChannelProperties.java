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
 * @param ingestWriters webhook writers, each storing its calls in batches on one connection ({@link WebhookWriter})
 * @param ingestBatch at most this many webhook calls share one transaction ({@link WebhookWriter})
 * @param ingestQueue webhook calls waiting for the writer beyond this many are answered 503
 * @param ingestTimeout a webhook call not stored within this time is answered 503 (the provider delivers it again)
 * @param templateSync how often every line's templates are read again from its provider ({@link SyncTemplatesJob})
 * @param ingestSetBased whether a batch is stored with one statement per kind of row ({@link WebhookBatchStore}, the
 * default) or call by call, as before (to compare the two in bench/ingest.sh)
 * @param webhookLineCache how long a node answers webhooks from the line and account it last read ({@link WebhookGate});
 * an account saved on this node counts at once, on another after at most this long; zero reads them for every call
 */
@ConfigurationProperties("linea.channel")
public record ChannelProperties(DataSize maxWebhookBody, DataSize maxMediaSize, Duration providerTimeout, Integer ingestWriters, Integer ingestBatch,
		Integer ingestQueue, Duration ingestTimeout, Duration templateSync, Boolean ingestSetBased,
		Duration webhookLineCache) {

	public ChannelProperties {
		maxWebhookBody = maxWebhookBody == null ? DataSize.ofMegabytes(1) : maxWebhookBody;
		maxMediaSize = maxMediaSize == null ? DataSize.ofMegabytes(16) : maxMediaSize;
		providerTimeout = providerTimeout == null ? Duration.ofSeconds(15) : providerTimeout;
		ingestWriters = ingestWriters == null ? 4 : ingestWriters;
		ingestBatch = ingestBatch == null ? 256 : ingestBatch;
		ingestSetBased = ingestSetBased == null || ingestSetBased;
		ingestQueue = ingestQueue == null ? 8192 : ingestQueue;
		// under Twilio's 15 s, so the provider hears 503 rather than a timeout
		ingestTimeout = ingestTimeout == null ? Duration.ofSeconds(10) : ingestTimeout;
		webhookLineCache = webhookLineCache == null ? Duration.ofSeconds(5) : webhookLineCache;
		templateSync = templateSync == null ? Duration.ofHours(6) : templateSync;
	}

}
