package org.linea.channel;

import java.time.Instant;

/**
 * A message a person sent, as a channel adapter decoded it.
 *
 * @param providerMessageId the provider's id, the key that makes redelivery harmless
 * @param from the sender in E.164
 * @param profileName the name the person's app shows, if the provider gives one
 * @param kind what was sent (text, audio, image...)
 * @param text the text, the caption of media, the title of a chosen button, a reaction's emoji
 * @param attachment media to fetch, a location, or the type of an unsupported message; null for text
 * @param sentAt when the provider says the person sent it
 */
public record InboundMessage(String providerMessageId, String from, String profileName, MessageKind kind, String text,
		Attachment attachment, Instant sentAt) {

	/** What came with a message besides its text. */
	public sealed interface Attachment {

		/** Media the provider holds: a WhatsApp media id or a Twilio media URL. */
		record ProviderMedia(String providerRef, String contentType) implements Attachment {
		}

		record Location(double latitude, double longitude) implements Attachment {
		}

		/** A message type Linea does not handle, kept with the provider's name for it. */
		record Unsupported(String providerType) implements Attachment {
		}

	}

}
