package org.linea.channel;

import java.util.List;

import org.linea.access.Line;

/** What one provider webhook call carries, verified and decoded, waiting to be stored. */
record WebhookCall(Line line, String rawPayload, String contentType, List<InboundMessage> messages, List<DeliveryReport> reports) {

	/** What keeps one person's calls on one writer: the sender, else the reported message. */
	Object routing() {
		if (!this.messages.isEmpty()) {
			return this.messages.getFirst().from();
		}
		return this.reports.isEmpty() ? this.rawPayload : this.reports.getFirst().providerMessageId();
	}

}
