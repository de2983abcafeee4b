package org.linea.channel.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.linea.channel.TemplateEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio Event Streams' template events, as a webhook sink receives them: a JSON array of CloudEvents.
 * {@code com.twilio.messaging.template.approval.updated} says a WhatsApp Content template's approval
 * changed: {@code data.type} {@code status_update} (approved, rejected, paused...) or
 * {@code category_update} (utility, marketing...), the new value in {@code data.template.currentValue}.
 * The template is named by its Content SID, which is also its name in Linea. Other event types are not
 * about templates and are ignored.
 */
final class TwilioTemplateEvents {

	static final String APPROVAL_UPDATED = "com.twilio.messaging.template.approval.updated";

	private TwilioTemplateEvents() {
	}

	/**
	 * @param accountSid the line's account: an event of another account is refused, not applied
	 * @throws TwilioInbound.Malformed when the body is not an array of events, or an event is not of this account
	 */
	static List<TemplateEvent> of(byte[] body, JsonMapper json, String accountSid) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new TwilioInbound.Malformed("The body is not JSON");
		}
		if (root == null || !(root.isArray() || root.isObject())) {
			throw new TwilioInbound.Malformed("The body is not an array of events");
		}
		List<TemplateEvent> events = new ArrayList<>();
		for (JsonNode event : root.isArray() ? root : List.of(root)) {
			if (!event.isObject()) {
				throw new TwilioInbound.Malformed("An event is not an object");
			}
			if (!APPROVAL_UPDATED.equals(event.path("type").asString(""))) {
				continue;
			}
			JsonNode data = event.path("data");
			if (!Objects.equals(data.path("accountSid").asString(null), accountSid)) {
				throw new TwilioInbound.Malformed("accountSid is not this line's account");
			}
			if (!data.path("channel").asString("whatsapp").equalsIgnoreCase("whatsapp")) {
				continue;
			}
			JsonNode template = data.path("template");
			String sid = template.path("sid").asString("");
			if (!sid.matches("HX[0-9a-fA-F]{32}")) {
				throw new TwilioInbound.Malformed("A template event without a valid Content SID");
			}
			String value = template.path("currentValue").asString(null);
			String language = template.path("language").asString(null);
			switch (data.path("type").asString("")) {
				case "status_update" -> events.add(new TemplateEvent(sid, sid, language, value, null));
				case "category_update" -> events.add(new TemplateEvent(sid, sid, language, null, value));
				default -> {
					// a kind of template change Twilio may document later: nothing to apply yet
				}
			}
		}
		return events;
	}

}
