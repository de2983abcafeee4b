package org.linea.channel.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.channel.DeliveryReport;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.InboundMessage;
import org.linea.channel.InboundMessage.Attachment;
import org.linea.channel.MessageKind;

/**
 * Turns Twilio's form parameters into a message or a delivery report. Unknown parameters are ignored
 * (Twilio adds them without notice); a missing MessageSid or From makes the call malformed.
 */
final class TwilioInbound {

	private static final Map<String, DeliveryStatus> STATUSES = Map.of("sent", DeliveryStatus.SENT, "delivered",
			DeliveryStatus.DELIVERED, "read", DeliveryStatus.READ, "undelivered", DeliveryStatus.FAILED, "failed",
			DeliveryStatus.FAILED);

	/** WhatsApp message types Linea reads through other parameters (Body, MediaUrl, Latitude, ButtonText). */
	private static final Set<String> KNOWN_TYPES = Set.of("text", "image", "audio", "video", "document", "location", "button",
			"interactive", "sticker");

	private TwilioInbound() {
	}

	static final class Malformed extends RuntimeException {

		Malformed(String reason) {
			super(reason);
		}

	}

	/** The message, and one more for each further media item (Twilio sends up to ten in one message). */
	static List<InboundMessage> messages(Map<String, String> params, Instant receivedAt) {
		String sid = require(params, "MessageSid");
		String from = address(require(params, "From"));
		String name = blankToNull(params.get("ProfileName"));
		String body = params.getOrDefault("Body", "");
		int media = count(params.get("NumMedia"));
		List<InboundMessage> messages = new ArrayList<>();
		if (media > 0) {
			for (int i = 0; i < media; i++) {
				String url = require(params, "MediaUrl" + i);
				String type = params.getOrDefault("MediaContentType" + i, "application/octet-stream");
				messages.add(new InboundMessage(i == 0 ? sid : sid + "#" + i, from, name, kindOf(type), i == 0 ? blankToNull(body) : null,
						new Attachment.ProviderMedia(url, type), receivedAt));
			}
			return messages;
		}
		String latitude = params.get("Latitude");
		String longitude = params.get("Longitude");
		if (latitude != null && longitude != null) {
			try {
				String label = blankToNull(String.join(", ", List.of(params.getOrDefault("Label", ""), params.getOrDefault("Address", "")))
					.replaceAll("^, |, $", ""));
				messages.add(new InboundMessage(sid, from, name, MessageKind.LOCATION, label,
						Attachment.Location.of(Double.parseDouble(latitude), Double.parseDouble(longitude)), receivedAt));
				return messages;
			}
			catch (IllegalArgumentException ex) {
				throw new Malformed("Latitude and Longitude must be numbers of degrees on Earth");
			}
		}
		if (params.get("ButtonText") != null) {
			messages.add(new InboundMessage(sid, from, name, MessageKind.INTERACTIVE_REPLY, params.get("ButtonText"), null, receivedAt));
			return messages;
		}
		String type = params.get("MessageType");
		if (type != null && !KNOWN_TYPES.contains(type.toLowerCase(Locale.ROOT)) && body.isBlank()) {
			messages.add(new InboundMessage(sid, from, name, MessageKind.UNSUPPORTED, null, new Attachment.Unsupported(type), receivedAt));
			return messages;
		}
		messages.add(new InboundMessage(sid, from, name, MessageKind.TEXT, body, null, receivedAt));
		return messages;
	}

	/** A report, or null for the interim statuses Linea does not track (queued, sending...). */
	static DeliveryReport report(Map<String, String> params, String reference, Instant receivedAt) {
		String sid = require(params, "MessageSid");
		DeliveryStatus status = STATUSES.get(require(params, "MessageStatus").toLowerCase(Locale.ROOT));
		if (status == null) {
			return null;
		}
		return new DeliveryReport(sid, reference, status, receivedAt, blankToNull(params.get("ErrorCode")));
	}

	/** {@code whatsapp:+5215512345678} or {@code +5215512345678} to E.164. */
	private static String address(String from) {
		String number = from.startsWith("whatsapp:") ? from.substring("whatsapp:".length()) : from;
		if (!number.matches("\\+\\d{6,20}")) {
			throw new Malformed("From must be a number in E.164");
		}
		return number;
	}

	private static MessageKind kindOf(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT);
		if (type.startsWith("image/")) {
			return MessageKind.IMAGE;
		}
		if (type.startsWith("audio/")) {
			return MessageKind.AUDIO;
		}
		return type.startsWith("video/") ? MessageKind.VIDEO : MessageKind.DOCUMENT;
	}

	private static int count(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		if (!value.matches("\\d{1,2}")) {
			throw new Malformed("NumMedia must be a number");
		}
		return Integer.parseInt(value);
	}

	private static String require(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			throw new Malformed(name + " is missing");
		}
		return value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
