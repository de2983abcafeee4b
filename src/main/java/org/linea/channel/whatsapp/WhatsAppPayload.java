package org.linea.channel.whatsapp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The webhook body as Meta documents it (only the parts Linea reads; other fields are ignored, as
 * Meta adds fields without notice).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WhatsAppPayload(String object, List<Entry> entry) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String id, List<Change> changes) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Change(String field, Value value) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Value(Metadata metadata, List<Contact> contacts, List<Message> messages, List<Status> statuses) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Metadata(@JsonProperty("phone_number_id") String phoneNumberId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contact(Profile profile, @JsonProperty("wa_id") String waId, @JsonProperty("user_id") String userId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Profile(String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(String from, String id, String timestamp, String type, Text text, Interactive interactive, Button button,
			Media audio, Media image, Media video, Media document, Media sticker, Location location, List<SharedContact> contacts,
			Reaction reaction, @JsonProperty("from_user_id") String fromUserId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Text(String body) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Interactive(String type, @JsonProperty("button_reply") Reply buttonReply, @JsonProperty("list_reply") Reply listReply) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Reply(String id, String title) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Button(String payload, String text) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Media(String id, @JsonProperty("mime_type") String mimeType, String caption, String filename) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Location(Double latitude, Double longitude, String name, String address) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SharedContact(Name name, List<Phone> phones) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Name(@JsonProperty("formatted_name") String formattedName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Phone(String phone) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Reaction(@JsonProperty("message_id") String messageId, String emoji) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Status(String id, String status, String timestamp, @JsonProperty("biz_opaque_callback_data") String reference,
			List<Error> errors) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(Integer code, String title) {
	}

}
