package org.linea.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import org.linea.channel.TemplateEvent;
import tools.jackson.databind.JsonNode;

/**
 * Meta's template webhooks in a WhatsApp Business Account webhook call ({@code entry[].changes[].field}):
 * {@code message_template_status_update} ({@code event}: APPROVED, REJECTED, PAUSED, DISABLED...) and
 * {@code template_category_update} ({@code new_category}). Other fields are not about templates.
 */
final class WhatsAppTemplateEvents {

	static final String STATUS_UPDATE = "message_template_status_update";

	static final String CATEGORY_UPDATE = "template_category_update";

	private WhatsAppTemplateEvents() {
	}

	/** Whether a change with this field is one of these. */
	static boolean about(String field) {
		return STATUS_UPDATE.equals(field) || CATEGORY_UPDATE.equals(field);
	}

	static List<TemplateEvent> of(JsonNode root) {
		List<TemplateEvent> events = new ArrayList<>();
		for (JsonNode entry : root.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				String field = change.path("field").asString("");
				JsonNode value = change.path("value");
				String id = value.path("message_template_id").asString(null);
				String name = value.path("message_template_name").asString(null);
				String language = value.path("message_template_language").asString(null);
				if (STATUS_UPDATE.equals(field)) {
					events.add(new TemplateEvent(id, name, language, value.path("event").asString(null), null));
				}
				else if (CATEGORY_UPDATE.equals(field)) {
					events.add(new TemplateEvent(id, name, language, null, value.path("new_category").asString(null)));
				}
			}
		}
		return events;
	}

}
