package org.linea.channel.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.linea.channel.OutboundContent;

/** The type-specific part of a Cloud API message, as the send-messages reference shapes it. */
final class WhatsAppMessages {

	private WhatsAppMessages() {
	}

	static void describe(OutboundContent content, Map<String, Object> body) {
		switch (content) {
			case OutboundContent.Text text -> {
				body.put("type", "text");
				body.put("text", Map.of("body", text.body(), "preview_url", false));
			}
			case OutboundContent.Buttons buttons -> {
				body.put("type", "interactive");
				body.put("interactive", Map.of("type", "button", "body", Map.of("text", buttons.body()), "action",
						Map.of("buttons", buttons.choices().stream()
							.map(choice -> Map.of("type", "reply", "reply", Map.of("id", choice.id(), "title", choice.title())))
							.toList())));
			}
			case OutboundContent.Options options -> {
				body.put("type", "interactive");
				body.put("interactive", Map.of("type", "list", "body", Map.of("text", options.body()), "action",
						Map.of("button", options.buttonLabel(), "sections", List.of(Map.of("rows", options.choices().stream().map(choice -> {
							Map<String, Object> row = new LinkedHashMap<>();
							row.put("id", choice.id());
							row.put("title", choice.title());
							if (choice.description() != null) {
								row.put("description", choice.description());
							}
							return row;
						}).toList())))));
			}
			case OutboundContent.Media media -> {
				String type = media.kind().name().toLowerCase(Locale.ROOT);
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("link", media.url());
				if (media.caption() != null && !media.caption().isBlank() && media.kind() != org.linea.channel.MessageKind.AUDIO) {
					object.put("caption", media.caption());
				}
				body.put("type", type);
				body.put(type, object);
			}
			case OutboundContent.Template template -> {
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("name", template.name());
				object.put("language", Map.of("code", template.language()));
				if (!template.parameters().isEmpty()) {
					object.put("components", List.of(Map.of("type", "body", "parameters",
							template.parameters().stream().map(value -> Map.of("type", "text", "text", value)).toList())));
				}
				body.put("type", "template");
				body.put("template", object);
			}
		}
	}

}
