package org.linea.channel;

import java.time.Instant;

import org.linea.shared.db.StorableText;

/**
 * A provider's report on an outgoing message, as an adapter decoded it.
 *
 * @param reference what Linea gave the provider to echo back (see {@link ChannelAdapter.Delivery#reference()}),
 * if the provider echoed it: it ties a report to its message even before the send call returned
 * @param errorCode the provider's error code when the message failed
 */
public record DeliveryReport(String providerMessageId, String reference, DeliveryStatus status, Instant at,
		String errorCode) {

	/** The same report with text PostgreSQL cannot keep (NUL, lone surrogates) visibly replaced. */
	public DeliveryReport storable() {
		return new DeliveryReport(StorableText.of(this.providerMessageId), StorableText.of(this.reference), this.status, this.at,
				StorableText.of(this.errorCode));
	}

}
