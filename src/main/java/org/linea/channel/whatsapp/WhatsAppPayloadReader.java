package org.linea.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a webhook body into {@link WhatsAppPayload} with the streaming parser, a field at a time, for
 * the bodies Meta sends: strings as strings, numbers as numbers, objects and arrays where documented.
 * Anything else (a number where a string belongs, a string for a coordinate, broken JSON, content after
 * the body) is left to the mapper, which coerces or refuses as it always did: this reader returns
 * {@code null} then, never a different answer. The tree of records is what the mapper would make; only
 * the cost differs (the record binding was 15 % of the webhook threads' CPU, bench/README "Ingest").
 */
final class WhatsAppPayloadReader {

	private WhatsAppPayloadReader() {
	}

	/** Not a shape this reader takes: the mapper decides. */
	private static final class Unusual extends RuntimeException {

		private static final Unusual INSTANCE = new Unusual();

		private Unusual() {
			super(null, null, false, false);
		}

	}

	/** The payload, or null when the body is to be read by the mapper. */
	static WhatsAppPayload read(byte[] body, JsonMapper json) {
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			WhatsAppPayload payload = payload(parser);
			return parser.nextToken() == null ? payload : null;
		}
		catch (Unusual | JacksonException ex) {
			return null;
		}
	}

	private static WhatsAppPayload payload(JsonParser p) {
		TextAndPart<List<WhatsAppPayload.Entry>> read = textAndPart(p, "object", "entry", q -> list(q, WhatsAppPayloadReader::entry));
		return new WhatsAppPayload(read.text(), read.part());
	}

	private static WhatsAppPayload.Entry entry(JsonParser p) {
		TextAndPart<List<WhatsAppPayload.Change>> read = textAndPart(p, "id", "changes", q -> list(q, WhatsAppPayloadReader::change));
		return new WhatsAppPayload.Entry(read.text(), read.part());
	}

	private static WhatsAppPayload.Change change(JsonParser p) {
		TextAndPart<WhatsAppPayload.Value> read = textAndPart(p, "field", "value", q -> object(q, WhatsAppPayloadReader::value));
		return new WhatsAppPayload.Change(read.text(), read.part());
	}

	private record TextAndPart<T>(String text, T part) {
	}

	/** An object of one string field and one other (read by {@code part}), the rest skipped. */
	private static <T> TextAndPart<T> textAndPart(JsonParser p, String textName, String partName, Part<T> part) {
		String text = null;
		T value = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			if (textName.equals(name)) {
				text = string(p);
			}
			else if (partName.equals(name)) {
				value = part.read(p);
			}
			else {
				skip(p);
			}
		}
		return new TextAndPart<>(text, value);
	}

	private static WhatsAppPayload.Value value(JsonParser p) {
		WhatsAppPayload.Metadata metadata = null;
		List<WhatsAppPayload.Contact> contacts = null;
		List<WhatsAppPayload.Message> messages = null;
		List<WhatsAppPayload.Status> statuses = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "metadata" -> metadata = object(p, WhatsAppPayloadReader::metadata);
				case "contacts" -> contacts = list(p, WhatsAppPayloadReader::contact);
				case "messages" -> messages = list(p, WhatsAppPayloadReader::message);
				case "statuses" -> statuses = list(p, WhatsAppPayloadReader::status);
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Value(metadata, contacts, messages, statuses);
	}

	private static WhatsAppPayload.Metadata metadata(JsonParser p) {
		return new WhatsAppPayload.Metadata(strings(p, "phone_number_id")[0]);
	}

	private static WhatsAppPayload.Contact contact(JsonParser p) {
		WhatsAppPayload.Profile profile = null;
		String waId = null;
		String userId = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "profile" -> profile = object(p, WhatsAppPayloadReader::profile);
				case "wa_id" -> waId = string(p);
				case "user_id" -> userId = string(p);
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Contact(profile, waId, userId);
	}

	private static WhatsAppPayload.Profile profile(JsonParser p) {
		return new WhatsAppPayload.Profile(strings(p, "name")[0]);
	}

	/** Every kind but locations and shared contacts (rare; the mapper reads them). */
	private static WhatsAppPayload.Message message(JsonParser p) {
		String from = null;
		String id = null;
		String timestamp = null;
		String type = null;
		WhatsAppPayload.Text text = null;
		WhatsAppPayload.Interactive interactive = null;
		WhatsAppPayload.Button button = null;
		WhatsAppPayload.Reaction reaction = null;
		WhatsAppPayload.Media audio = null;
		WhatsAppPayload.Media image = null;
		WhatsAppPayload.Media video = null;
		WhatsAppPayload.Media document = null;
		WhatsAppPayload.Media sticker = null;
		String fromUserId = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "from" -> from = string(p);
				case "id" -> id = string(p);
				case "timestamp" -> timestamp = string(p);
				case "type" -> type = string(p);
				case "text" -> text = object(p, WhatsAppPayloadReader::text);
				case "interactive" -> interactive = object(p, WhatsAppPayloadReader::interactive);
				case "button" -> button = object(p, WhatsAppPayloadReader::button);
				case "reaction" -> reaction = object(p, WhatsAppPayloadReader::reaction);
				case "from_user_id" -> fromUserId = string(p);
				case "audio" -> audio = object(p, WhatsAppPayloadReader::media);
				case "image" -> image = object(p, WhatsAppPayloadReader::media);
				case "video" -> video = object(p, WhatsAppPayloadReader::media);
				case "document" -> document = object(p, WhatsAppPayloadReader::media);
				case "sticker" -> sticker = object(p, WhatsAppPayloadReader::media);
				case "location", "contacts" -> throw Unusual.INSTANCE;
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Message(from, id, timestamp, type, text, interactive, button, audio, image, video, document, sticker, null,
				null, reaction, fromUserId);
	}

	private static WhatsAppPayload.Text text(JsonParser p) {
		return new WhatsAppPayload.Text(strings(p, "body")[0]);
	}

	private static WhatsAppPayload.Interactive interactive(JsonParser p) {
		String type = null;
		WhatsAppPayload.Reply buttonReply = null;
		WhatsAppPayload.Reply listReply = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "type" -> type = string(p);
				case "button_reply" -> buttonReply = object(p, WhatsAppPayloadReader::reply);
				case "list_reply" -> listReply = object(p, WhatsAppPayloadReader::reply);
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Interactive(type, buttonReply, listReply);
	}

	private static WhatsAppPayload.Reply reply(JsonParser p) {
		String[] values = strings(p, "id", "title");
		return new WhatsAppPayload.Reply(values[0], values[1]);
	}

	private static WhatsAppPayload.Button button(JsonParser p) {
		String[] values = strings(p, "payload", "text");
		return new WhatsAppPayload.Button(values[0], values[1]);
	}

	private static WhatsAppPayload.Reaction reaction(JsonParser p) {
		String[] values = strings(p, "message_id", "emoji");
		return new WhatsAppPayload.Reaction(values[0], values[1]);
	}

	private static WhatsAppPayload.Media media(JsonParser p) {
		String[] values = strings(p, "id", "mime_type", "caption", "filename");
		return new WhatsAppPayload.Media(values[0], values[1], values[2], values[3]);
	}

	private static WhatsAppPayload.Status status(JsonParser p) {
		String id = null;
		String status = null;
		String timestamp = null;
		String reference = null;
		List<WhatsAppPayload.Error> errors = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "id" -> id = string(p);
				case "status" -> status = string(p);
				case "timestamp" -> timestamp = string(p);
				case "biz_opaque_callback_data" -> reference = string(p);
				case "errors" -> errors = list(p, WhatsAppPayloadReader::error);
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Status(id, status, timestamp, reference, errors);
	}

	private static WhatsAppPayload.Error error(JsonParser p) {
		Integer code = null;
		String title = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			switch (name) {
				case "code" -> {
					JsonToken token = p.nextToken();
					if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
						code = p.getIntValue();
					}
					else if (token == JsonToken.VALUE_NULL) {
						code = null;
					}
					else {
						throw Unusual.INSTANCE;
					}
				}
				case "title" -> title = string(p);
				default -> skip(p);
			}
		}
		return new WhatsAppPayload.Error(code, title);
	}

	private interface Part<T> {

		/**
		 * Reads one part of the body: for {@link #object} and {@link #list}, the fields of an object whose START_OBJECT
		 * was just read, up to its END_OBJECT; for {@link #textAndPart}, the value after the field's name.
		 */
		T read(JsonParser parser);

	}

	/** The string fields of an object whose START_OBJECT was just read, by name (null when absent); the rest skipped. */
	private static String[] strings(JsonParser p, String... names) {
		String[] values = new String[names.length];
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			int field = List.of(names).indexOf(name);
			if (field >= 0) {
				values[field] = string(p);
			}
			else {
				skip(p);
			}
		}
		return values;
	}

	private static String string(JsonParser p) {
		JsonToken token = p.nextToken();
		if (token == JsonToken.VALUE_STRING) {
			return p.getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		throw Unusual.INSTANCE;
	}

	private static <T> T object(JsonParser p, Part<T> part) {
		JsonToken token = p.nextToken();
		if (token == JsonToken.START_OBJECT) {
			return part.read(p);
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		throw Unusual.INSTANCE;
	}

	/** A list as the mapper makes it: null for JSON null, a null element for each null in the array. */
	private static <T> List<T> list(JsonParser p, Part<T> part) {
		JsonToken token = p.nextToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			throw Unusual.INSTANCE;
		}
		List<T> items = new ArrayList<>();
		for (token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
			if (token == JsonToken.START_OBJECT) {
				items.add(part.read(p));
			}
			else if (token == JsonToken.VALUE_NULL) {
				items.add(null);
			}
			else {
				throw Unusual.INSTANCE;
			}
		}
		return items;
	}

	private static void skip(JsonParser p) {
		p.nextToken();
		p.skipChildren();
	}

}
