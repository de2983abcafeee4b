package org.linea.inbox;

import java.time.Instant;

import org.linea.channel.Attachment;
import org.linea.channel.SmsSegments;

/**
 * A message in the conversation pane, with who wrote it in words.
 *
 * @param attachment media, location or unsupported type that came with it, or null
 * @param segments for an outgoing SMS, how many segments it takes, or null
 */
public record MessageView(long id, String direction, String senderKind, String author, String body, String status,
		String errorCode, Instant at, Attachment attachment, SmsSegments segments) {
}
