package org.linea.broadcast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.linea.shared.InvalidRequestException;

/**
 * What a broadcast says: a text, a key message of the bank ({@code entry}, sent in each person's
 * language) or an approved template. A text or entry may come with a template too: then people
 * inside WhatsApp's 24-hour window get the text and the others the template. Instead of one text it
 * may carry a text per language ({@code texts}, e.g. a closing line's last message), each person
 * getting theirs or the line's default language's.
 */
public record BroadcastMessage(String text, TemplateRef template, String entry, Map<String, String> texts) {

	/** An approved template of the line and its parameters ({{1}}, {{2}}...). */
	public record TemplateRef(String name, String language, List<String> parameters) {

		public TemplateRef {
			parameters = parameters == null ? List.of() : List.copyOf(parameters);
		}

		/**
		 * A page form's choice: the template's name (blank: none), its language (blank: the person's) and
		 * its parameters comma-separated.
		 */
		public static TemplateRef fromForm(String name, String language, String parameters) {
			if (name == null || name.isBlank()) {
				return null;
			}
			List<String> values = parameters == null || parameters.isBlank() ? List.of()
					: java.util.Arrays.stream(parameters.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
			return new TemplateRef(name.strip(), language == null || language.isBlank() ? null : language.strip(), values);
		}

	}

	public BroadcastMessage {
		text = text == null || text.isBlank() ? null : text.strip();
		entry = entry == null || entry.isBlank() ? null : entry.strip();
		Map<String, String> kept = new LinkedHashMap<>();
		if (texts != null) {
			texts.forEach((language, value) -> {
				if (language != null && value != null && !value.isBlank()) {
					kept.put(language.strip().toLowerCase(Locale.ROOT), value.strip());
				}
			});
		}
		texts = kept.isEmpty() ? null : java.util.Collections.unmodifiableMap(kept);
	}

	public BroadcastMessage(String text, TemplateRef template, String entry) {
		this(text, template, entry, null);
	}

	/** Refuses a message that says nothing or too much; checked after the user's access to the line. */
	BroadcastMessage validated() {
		if ((this.text != null ? 1 : 0) + (this.entry != null ? 1 : 0) + (this.texts != null ? 1 : 0) > 1) {
			throw new InvalidRequestException("error.broadcast.broadcast-message-text-key");
		}
		if (this.text == null && this.entry == null && this.texts == null && this.template == null) {
			throw new InvalidRequestException("error.broadcast.broadcast-message-text-entry");
		}
		if ((this.text != null && this.text.length() > 4096)
				|| (this.texts != null && this.texts.values().stream().anyMatch(t -> t.length() > 4096))) {
			throw new InvalidRequestException("error.broadcast.text-more-than-4096");
		}
		return this;
	}

}
