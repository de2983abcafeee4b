package org.linea.channel.whatsapp;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linea.channel.DeliveryReport;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.Fixtures;
import org.linea.channel.InboundMessage;
import org.linea.channel.InboundMessage.Attachment;
import org.linea.channel.MessageKind;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppInboundTests {

	private static final Map<String, String> VALUES = Map.of("PHONE_NUMBER_ID", "106540352242922", "FROM", "51987654321", "ID",
			"wamid.HBgLNTE5ODc2NTQzMjEVAgASGBQzQTRBRTY", "MEDIA_ID", "1037543291543636", "BSUID", "PE.13491208655302741918");

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			text               | TEXT              | hola, ¿dónde está el albergue? | null
			interactive-button | INTERACTIVE_REPLY | Sí                             | null
			interactive-list   | INTERACTIVE_REPLY | Salud                          | null
			template-button    | INTERACTIVE_REPLY | Confirmar                      | null
			audio-voice        | AUDIO             | null                           | media:audio/ogg; codecs=opus
			image              | IMAGE             | mi documento                   | media:image/jpeg
			video              | VIDEO             | null                           | media:video/mp4
			document           | DOCUMENT          | permiso.pdf                    | media:application/pdf
			sticker            | IMAGE             | null                           | media:image/webp
			location           | LOCATION          | Plaza, Jr. de la Unión, Lima   | geo
			contacts           | CONTACTS          | Ana Pérez +51 987 654 321      | null
			reaction           | REACTION          | 👍                             | null
			unsupported        | UNSUPPORTED       | null                           | unsupported:unsupported
			order              | UNSUPPORTED       | null                           | unsupported:order
			unknown-fields     | TEXT              | hola                           | null
			""")
	void readsEveryMessageType(String fixture, MessageKind kind, String text, String attachment) {
		WhatsAppInbound.Decoded decoded = decode(fixture);

		assertThat(decoded.messages()).hasSize(1);
		InboundMessage message = decoded.messages().getFirst();
		assertThat(message.providerMessageId()).isEqualTo(VALUES.get("ID"));
		assertThat(message.from()).isEqualTo("+51987654321");
		assertThat(message.profileName()).isEqualTo("Juan");
		assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1750857384));
		assertThat(message.kind()).isEqualTo(kind);
		assertThat(message.text()).isEqualTo(text);
		assertThat(describe(message.attachment())).isEqualTo(attachment);
	}

	@Test
	void readsAFailedStatusWithItsErrorCodeAndReference() {
		WhatsAppInbound.Decoded decoded = decode("statuses-failed");

		assertThat(decoded.messages()).isEmpty();
		assertThat(decoded.reports()).containsExactly(
				new DeliveryReport("wamid.OUT1", "linea-42", DeliveryStatus.FAILED, Instant.ofEpochSecond(1750857390), "131047"));
	}

	@Test
	void readsADeliveredStatusWithPricing() {
		assertThat(decode("statuses-delivered").reports()).extracting(DeliveryReport::status).containsExactly(DeliveryStatus.DELIVERED);
	}

	@Test
	void ignoresChangesForAnotherNumberOfTheSameApp() {
		String body = Fixtures.load("whatsapp/text.json", VALUES);
		WhatsAppInbound.Decoded decoded = WhatsAppInbound.decode(this.json.readValue(body, WhatsAppPayload.class), "999");

		assertThat(decoded.messages()).isEmpty();
		assertThat(decoded.foreignChanges()).isEqualTo(1);
	}

	@Test
	void aPersonWhoseNumberMetaWithholdsIsKnownByTheirBusinessScopedUserId() {
		InboundMessage message = decode("text-bsuid-only").messages().getFirst();

		assertThat(message.from()).isEqualTo("PE.13491208655302741918");
		assertThat(message.userId()).isEqualTo("PE.13491208655302741918");
		assertThat(message.profileName()).isEqualTo("Juan");
		assertThat(message.text()).isEqualTo("hola, ¿dónde está el albergue?");
	}

	@Test
	void aMessageWithNumberAndBusinessScopedUserIdIsAddressedByTheNumber() {
		InboundMessage message = decode("text-bsuid-and-number").messages().getFirst();

		assertThat(message.from()).isEqualTo("+51987654321");
		assertThat(message.userId()).isEqualTo("PE.13491208655302741918");
		assertThat(message.profileName()).isEqualTo("Juan");
	}

	@Test
	void refusesAMessageWithNeitherANumberNorABusinessScopedUserId() {
		String body = Fixtures.load("whatsapp/text-bsuid-only.json", VALUES).replace("PE.13491208655302741918", "not an id");

		assertThatThrownBy(() -> WhatsAppInbound.decode(this.json.readValue(body, WhatsAppPayload.class), VALUES.get("PHONE_NUMBER_ID")))
			.isInstanceOf(WhatsAppInbound.Malformed.class)
			.hasMessageContaining("from_user_id");
	}

	@Test
	void refusesAMessageWithoutId() {
		assertThatThrownBy(() -> decode("missing-id")).isInstanceOf(WhatsAppInbound.Malformed.class).hasMessageContaining("id");
	}

	@Test
	void refusesAnotherWebhookObject() {
		assertThatThrownBy(() -> decode("wrong-object")).isInstanceOf(WhatsAppInbound.Malformed.class).hasMessageContaining("object");
	}

	private WhatsAppInbound.Decoded decode(String fixture) {
		String body = Fixtures.load("whatsapp/" + fixture + ".json", VALUES);
		return WhatsAppInbound.decode(this.json.readValue(body, WhatsAppPayload.class), VALUES.get("PHONE_NUMBER_ID"));
	}

	private static String describe(Attachment attachment) {
		return switch (attachment) {
			case null -> null;
			case Attachment.ProviderMedia media -> {
				assertThat(media.providerRef()).isEqualTo(VALUES.get("MEDIA_ID"));
				yield "media:" + media.contentType();
			}
			case Attachment.Location location -> {
				assertThat(location.latitude()).isEqualTo(-12.046374);
				assertThat(location.longitude()).isEqualTo(-77.042793);
				yield "geo";
			}
			case Attachment.Unsupported unsupported -> "unsupported:" + unsupported.providerType();
		};
	}

}
