package org.linea.channel.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.linea.channel.DeliveryReport;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.InboundMessage;
import org.linea.channel.InboundMessage.Attachment;
import org.linea.channel.MessageKind;
import org.linea.channel.whatsapp.WhatsAppPayload.Message;
import org.linea.channel.whatsapp.WhatsAppPayload.Value;
import org.linea.contact.BusinessScopedIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a webhook body into messages and delivery reports. Only the line's own phone number is read;
 * a type Linea does not handle becomes UNSUPPORTED with its name; a missing id, sender, type or
 * timestamp makes the whole body malformed.
 */
final class WhatsAppInbound {

	private static final Map<String, DeliveryStatus> STATUSES = Map.of("sent", DeliveryStatus.SENT, "delivered",
			DeliveryStatus.DELIVERED, "read", DeliveryStatus.READ, "failed", DeliveryStatus.FAILED);

	private static final Pattern NUMBER = Pattern.compile("\\d{6,20}");

	private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");

	private WhatsAppInbound() {
	}

	/** @param templateChanges whether a change is a template webhook ({@link WhatsAppTemplateEvents}), read apart */
	record Decoded(List<InboundMessage> messages, List<DeliveryReport> reports, int foreignChanges, boolean templateChanges) {
	}

	static final class Malformed extends RuntimeException {

		Malformed(String reason) {
			super(reason);
		}

	}

	/** Reads a webhook body; anything but JSON of the documented shape is {@link Malformed}. */
	static Decoded parse(byte[] body, JsonMapper json, String phoneNumberId) {
		return parse(body, json, phoneNumberId, true);
	}

	/**
	 * @param streaming whether the body is read field by field ({@link WhatsAppPayloadReader}) when it has the
	 * usual shape; false binds it with the mapper always (as before 2026-12-04, for paired benchmarks)
	 */
	static Decoded parse(byte[] body, JsonMapper json, String phoneNumberId, boolean streaming) {
		WhatsAppPayload payload = streaming ? WhatsAppPayloadReader.read(body, json) : null;
		if (payload != null) {
			return decode(payload, phoneNumberId);
		}
		try {
			payload = json.readValue(body, WhatsAppPayload.class);
		}
		catch (JacksonException ex) {
			throw new Malformed("not JSON of the documented shape");
		}
		return decode(payload, phoneNumberId);
	}

	static Decoded decode(WhatsAppPayload payload, String phoneNumberId) {
		if (payload == null || !"whatsapp_business_account".equals(payload.object())) {
			throw new Malformed("object must be whatsapp_business_account");
		}
		if (payload.entry() == null) {
			throw new Malformed("entry is missing");
		}
		List<InboundMessage> messages = new ArrayList<>();
		List<DeliveryReport> reports = new ArrayList<>();
		int foreign = 0;
		boolean templates = false;
		for (WhatsAppPayload.Entry entry : present(payload.entry())) {
			for (WhatsAppPayload.Change change : present(entry.changes())) {
				Value value = change.value();
				if (!"messages".equals(change.field()) || value == null) {
					templates |= WhatsAppTemplateEvents.about(change.field());
					continue;
				}
				if (value.metadata() == null || !Objects.equals(value.metadata().phoneNumberId(), phoneNumberId)) {
					foreign++;
					continue;
				}
				List<WhatsAppPayload.Contact> contacts = present(value.contacts());
				present(value.messages()).forEach(message -> messages.add(message(message, contacts)));
				present(value.statuses()).forEach(status -> {
					DeliveryReport report = report(status);
					if (report != null) {
						reports.add(report);
					}
				});
			}
		}
		return new Decoded(messages, reports, foreign, templates);
	}

	/**
	 * Since 2026 Meta gives each person a business-scoped user id (BSUID) beside, or for people with a
	 * username instead of, their number: {@code from_user_id} on the message, {@code user_id} on the
	 * contact. The sender's address is the number when Meta shows it, else the BSUID.
	 */
	private static InboundMessage message(Message m, List<WhatsAppPayload.Contact> contacts) {
		require(m.id(), "messages[].id");
		require(m.type(), "messages[].type");
		boolean hasNumber = m.from() != null && NUMBER.matcher(m.from()).matches();
		WhatsAppPayload.Contact contact = contacts.stream()
			.filter(c -> (hasNumber && m.from().equals(c.waId())) || (m.fromUserId() != null && m.fromUserId().equals(c.userId())))
			.findFirst()
			.orElse(null);
		String bsuid = BusinessScopedIds.valid(m.fromUserId()) ? m.fromUserId()
				: contact != null && BusinessScopedIds.valid(contact.userId()) ? contact.userId() : null;
		if (!hasNumber && bsuid == null) {
			throw new Malformed("messages[].from must be the sender's number in digits, or from_user_id their business-scoped user id");
		}
		return decodeMessage(m, hasNumber ? "+" + m.from() : bsuid,
				contact == null || contact.profile() == null ? null : contact.profile().name()).withUserId(bsuid);
	}

	private static InboundMessage decodeMessage(Message m, String from, String name) {
		Instant at = instant(m.timestamp(), "messages[].timestamp");
		return switch (m.type()) {
			case "text" -> {
				if (m.text() == null || m.text().body() == null) {
					throw new Malformed("messages[].text.body is missing");
				}
				yield new InboundMessage(m.id(), from, name, MessageKind.TEXT, m.text().body(), null, at);
			}
			case "interactive" -> {
				WhatsAppPayload.Reply reply = m.interactive() == null ? null
						: m.interactive().buttonReply() != null ? m.interactive().buttonReply() : m.interactive().listReply();
				yield reply == null ? unsupported(m, from, name, at, "interactive")
						: new InboundMessage(m.id(), from, name, MessageKind.INTERACTIVE_REPLY, reply.title(), null, at);
			}
			case "button" -> m.button() == null ? unsupported(m, from, name, at, "button")
					: new InboundMessage(m.id(), from, name, MessageKind.INTERACTIVE_REPLY, m.button().text(), null, at);
			case "audio" -> media(m, from, name, at, MessageKind.AUDIO, m.audio());
			case "image" -> media(m, from, name, at, MessageKind.IMAGE, m.image());
			case "sticker" -> media(m, from, name, at, MessageKind.IMAGE, m.sticker());
			case "video" -> media(m, from, name, at, MessageKind.VIDEO, m.video());
			case "document" -> media(m, from, name, at, MessageKind.DOCUMENT, m.document());
			case "location" -> {
				WhatsAppPayload.Location l = m.location();
				if (l == null || l.latitude() == null || l.longitude() == null || Math.abs(l.latitude()) > 90
						|| Math.abs(l.longitude()) > 180 || l.latitude().isNaN() || l.longitude().isNaN()) {
					throw new Malformed("messages[].location needs latitude and longitude in degrees");
				}
				String label = java.util.stream.Stream.of(l.name(), l.address()).filter(Objects::nonNull)
					.collect(Collectors.joining(", "));
				yield new InboundMessage(m.id(), from, name, MessageKind.LOCATION, label.isEmpty() ? null : label,
						new Attachment.Location(l.latitude(), l.longitude()), at);
			}
			case "contacts" -> new InboundMessage(m.id(), from, name, MessageKind.CONTACTS, sharedContacts(m.contacts()), null, at);
			case "reaction" -> new InboundMessage(m.id(), from, name, MessageKind.REACTION,
					m.reaction() == null ? null : m.reaction().emoji(), null, at);
			default -> unsupported(m, from, name, at, m.type());
		};
	}

	private static InboundMessage media(Message m, String from, String name, Instant at, MessageKind kind, WhatsAppPayload.Media media) {
		if (media == null || media.id() == null) {
			throw new Malformed("messages[]." + m.type() + ".id is missing");
		}
		String caption = media.caption() != null ? media.caption() : media.filename();
		return new InboundMessage(m.id(), from, name, kind, caption, new Attachment.ProviderMedia(media.id(), media.mimeType()), at);
	}

	private static InboundMessage unsupported(Message m, String from, String name, Instant at, String type) {
		return new InboundMessage(m.id(), from, name, MessageKind.UNSUPPORTED, null, new Attachment.Unsupported(type), at);
	}

	private static String sharedContacts(List<WhatsAppPayload.SharedContact> contacts) {
		if (contacts == null) {
			return null;
		}
		return present(contacts).stream()
			.map(c -> java.util.stream.Stream.concat(
					java.util.stream.Stream.ofNullable(c.name() == null ? null : c.name().formattedName()),
					present(c.phones()).stream().map(WhatsAppPayload.Phone::phone))
				.filter(Objects::nonNull)
				.collect(Collectors.joining(" ")))
			.collect(Collectors.joining("\n"));
	}

	/** A report, or null for statuses Linea does not track (deleted, warning...). */
	private static DeliveryReport report(WhatsAppPayload.Status s) {
		require(s.id(), "statuses[].id");
		require(s.status(), "statuses[].status");
		DeliveryStatus status = STATUSES.get(s.status());
		if (status == null) {
			return null;
		}
		String error = s.errors() == null || s.errors().isEmpty() || s.errors().getFirst().code() == null ? null
				: String.valueOf(s.errors().getFirst().code());
		return new DeliveryReport(s.id(), s.reference(), status, instant(s.timestamp(), "statuses[].timestamp"), error);
	}

	private static Instant instant(String unixSeconds, String field) {
		if (unixSeconds == null || !UNIX_SECONDS.matcher(unixSeconds).matches()) {
			throw new Malformed(field + " must be Unix seconds");
		}
		return Instant.ofEpochSecond(Long.parseLong(unixSeconds));
	}

	/** The list's elements without the nulls JSON allows ({@code [null]}); empty for no list. */
	private static <T> List<T> present(List<T> list) {
		return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new Malformed(field + " is missing");
		}
	}

}
