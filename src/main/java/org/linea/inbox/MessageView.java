package org.linea.inbox;

import java.time.Instant;

/** A message in the conversation pane, with who wrote it in words. */
public record MessageView(long id, String direction, String senderKind, String author, String body, String status,
		String errorCode, Instant at) {
}
