package org.linea.channel;

import java.time.Instant;

import org.linea.shared.db.StorableText;

/**
 * A message a person sent, as a channel adapter decoded it.
 *
 * @param providerMessageId the provider's id, the key that makes redelivery harmless
 * @param from the sender in E.164, or their WhatsApp business-scoped user id when the provider withholds the number
 * @param profileName the name the person's app shows, if the provider gives one
 * @param kind what was sent (text, audio, image...)
 * @param text the text, the caption of media, the title of a chosen button, a reaction's emoji
 * @param attachment media to fetch, a location, or the type of an unsupported message; null for text
 * @param sentAt when the provider says the person sent it
 * @param userId the sender's WhatsApp business-scoped user id (BSUID), when the provider gives one
 */
public record InboundMessage(String providerMessageId, String from, String profileName, MessageKind kind, String text,
		Attachment attachment, Instant sentAt, String userId) {

	/** A message from a channel that knows people by their number only. */
	public InboundMessage(String providerMessageId, String from, String profileName, MessageKind kind, String text,
			Attachment attachment, Instant sentAt) {
		this(providerMessageId, from, profileName, kind, text, attachment, sentAt, null);
	}

	/** The same message with the sender's business-scoped user id. */
	public InboundMessage withUserId(String bsuid) {
		return new InboundMessage(this.providerMessageId, this.from, this.profileName, this.kind, this.text, this.attachment,
				this.sentAt, bsuid);
	}

	/** The same message with text PostgreSQL cannot keep (NUL, lone surrogates) visibly replaced. */
	public InboundMessage storable() {
		Attachment storableAttachment = switch (this.attachment) {
			case Attachment.ProviderMedia media -> new Attachment.ProviderMedia(StorableText.of(media.providerRef()),
					StorableText.of(media.contentType()));
			case Attachment.Unsupported unsupported -> new Attachment.Unsupported(StorableText.of(unsupported.providerType()));
			case null, default -> this.attachment;
		};
		return new InboundMessage(StorableText.of(this.providerMessageId), StorableText.of(this.from),
				StorableText.of(this.profileName), this.kind, StorableText.of(this.text), storableAttachment, this.sentAt,
				StorableText.of(this.userId));
	}

	/** What came with a message besides its text. */
	public sealed interface Attachment {

		/** Media the provider holds: a WhatsApp media id or a Twilio media URL. */
		record ProviderMedia(String providerRef, String contentType) implements Attachment {
		}

		record Location(double latitude, double longitude) implements Attachment {

			/** A point on Earth; anything else (NaN, out of range) is an {@link IllegalArgumentException}. */
			public static Location of(double latitude, double longitude) {
				if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
					throw new IllegalArgumentException("Not a point on Earth");
				}
				return new Location(latitude, longitude);
			}

		}

		/** A message type Linea does not handle, kept with the provider's name for it. */
		record Unsupported(String providerType) implements Attachment {
		}

	}

}
