package org.linea.inbox;

import org.linea.shared.InvalidRequestException;

/** What an operator writes (an answer, a note): not empty, not longer than a message can be. */
final class OperatorText {

	static final int MAX_TEXT = 4096;

	private OperatorText() {
	}

	static String checked(String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new InvalidRequestException("error.inbox.write-message-first");
		}
		if (body.length() > MAX_TEXT) {
			throw new InvalidRequestException("error.inbox.message-most-characters", MAX_TEXT);
		}
		return body;
	}

}
