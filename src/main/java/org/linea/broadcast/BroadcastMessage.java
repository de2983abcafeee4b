package org.linea.broadcast;

import java.util.List;

import org.linea.shared.InvalidRequestException;

/**
 * What a broadcast says: a text, a key message of the bank ({@code entry}, sent in each person's
 * language) or an approved template. A text or entry may come with a template too: then people
 * inside WhatsApp's 24-hour window get the text and the others the template.
 */
public record BroadcastMessage(String text, TemplateRef template, String entry) {

	/** An approved template of the line and its parameters ({{1}}, {{2}}...). */
	public record TemplateRef(String name, String language, List<String> parameters) {

		public TemplateRef {
			parameters = parameters == null ? List.of() : List.copyOf(parameters);
		}

	}

	public BroadcastMessage {
		text = text == null || text.isBlank() ? null : text.strip();
		entry = entry == null || entry.isBlank() ? null : entry.strip();
	}

	/** Refuses a message that says nothing or too much; checked after the user's access to the line. */
	BroadcastMessage validated() {
		if (this.text != null && this.entry != null) {
			throw new InvalidRequestException("error.broadcast.broadcast-message-text-key");
		}
		if (this.text == null && this.entry == null && this.template == null) {
			throw new InvalidRequestException("error.broadcast.broadcast-message-text-entry");
		}
		if (this.text != null && this.text.length() > 4096) {
			throw new InvalidRequestException("error.broadcast.text-more-than-4096");
		}
		return this;
	}

}
