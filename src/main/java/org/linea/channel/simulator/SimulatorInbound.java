package org.linea.channel.simulator;

import java.time.Instant;
import java.util.UUID;

import org.linea.channel.InboundMessage;
import org.linea.channel.MessageKind;
import org.linea.contact.PhoneNumbers;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.db.StorableText;

/**
 * A simulated person's message (already bound and validated) as a provider's would arrive. Anything
 * wrong with it is an {@link InvalidRequestException}, answered 400.
 */
final class SimulatorInbound {

	private SimulatorInbound() {
	}

	static InboundMessage message(SimulatedMessageRequest request, Instant at) {
		String from = PhoneNumbers.normalise(request.from());
		String text = request.text() == null ? "" : StorableText.of(request.text().strip());
		if (text.isEmpty()) {
			throw new InvalidRequestException("error.channel.message-empty");
		}
		String providerId = request.id() == null || request.id().isBlank() ? "sim-in-" + UUID.randomUUID() : request.id();
		return new InboundMessage(providerId, from, null, MessageKind.TEXT, text, null, at);
	}

}
