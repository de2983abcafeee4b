package org.linea.channel;

import java.time.Instant;

/**
 * A message a person sent, as a channel adapter decoded it.
 *
 * @param providerMessageId the provider's id, the key that makes redelivery harmless
 * @param from the sender in E.164
 * @param profileName the name the person's app shows, if the provider gives one
 * @param kind what was sent (text, audio, image...)
 * @param text the text, or the caption of media
 * @param mediaRef where the media is stored, if any
 * @param sentAt when the provider says the person sent it
 */
public record InboundMessage(String providerMessageId, String from, String profileName, MessageKind kind, String text,
		String mediaRef, Instant sentAt) {
}
