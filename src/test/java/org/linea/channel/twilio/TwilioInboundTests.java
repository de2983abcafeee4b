package org.linea.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;
import org.linea.channel.DeliveryReport;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.Fixtures;
import org.linea.channel.InboundMessage;
import org.linea.channel.InboundMessage.Attachment;
import org.linea.channel.MessageKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioInboundTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Map<String, String> VALUES = Map.of("ID", "SM0123456789abcdef0123456789abcdef", "ACCOUNT",
			"AC0123456789abcdef0123456789abcdef", "FROM", "51987654321", "MEDIA_URL",
			"https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1");

	@Test
	void readsAnSms() {
		InboundMessage message = single("sms");

		assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
		assertThat(message.text()).isEqualTo("Hola, ¿dónde está el albergue?");
		assertThat(message.from()).isEqualTo("+51987654321");
		assertThat(message.providerMessageId()).isEqualTo(VALUES.get("ID"));
	}

	@Test
	void readsWhatsAppMediaLocationButtonsAndUnsupportedTypes() {
		InboundMessage image = single("whatsapp-image");
		assertThat(image.kind()).isEqualTo(MessageKind.IMAGE);
		assertThat(image.text()).isEqualTo("mi foto");
		assertThat(image.profileName()).isEqualTo("Juan");
		assertThat(image.attachment()).isEqualTo(new Attachment.ProviderMedia(VALUES.get("MEDIA_URL"), "image/jpeg"));

		InboundMessage location = single("whatsapp-location");
		assertThat(location.kind()).isEqualTo(MessageKind.LOCATION);
		assertThat(location.attachment()).isEqualTo(new Attachment.Location(-12.046374, -77.042793));
		assertThat(location.text()).isEqualTo("Plaza, Jr. de la Unión");

		assertThat(single("whatsapp-button").text()).isEqualTo("Confirmar");
		assertThat(single("whatsapp-button").kind()).isEqualTo(MessageKind.INTERACTIVE_REPLY);
		assertThat(single("whatsapp-unsupported").attachment()).isEqualTo(new Attachment.Unsupported("reaction"));
	}

	@Test
	void refusesAMessageWithoutSender() {
		assertThatThrownBy(() -> single("missing-from")).isInstanceOf(TwilioInbound.Malformed.class).hasMessageContaining("From");
	}

	@Test
	void readsStatusCallbacksAndSkipsInterimStatuses() {
		assertThat(TwilioInbound.report(form("status-undelivered"), "linea-7", NOW))
			.isEqualTo(new DeliveryReport(VALUES.get("ID"), "linea-7", DeliveryStatus.FAILED, NOW, "30003"));
		assertThat(TwilioInbound.report(form("status-delivered"), null, NOW).status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(TwilioInbound.report(Map.of("MessageSid", "SM1", "MessageStatus", "sending"), null, NOW)).isNull();
	}

	@Test
	void twiliosValidatorAcceptsWhatTheFakeSignsAndNothingElse() {
		Map<String, String> params = form("sms");
		String url = "https://linea.example.org/webhooks/twilio/peru-sms";
		String signature = FakeTwilioApi.signature("auth-token", url, params);

		assertThat(new RequestValidator("auth-token").validate(url, params, signature)).isTrue();
		assertThat(new RequestValidator("other-token").validate(url, params, signature)).isFalse();
		assertThat(new RequestValidator("auth-token").validate(url + "x", params, signature)).isFalse();
		Map<String, String> tampered = new java.util.HashMap<>(params);
		tampered.put("Body", "otra cosa");
		assertThat(new RequestValidator("auth-token").validate(url, tampered, signature)).isFalse();
	}

	private static InboundMessage single(String fixture) {
		List<InboundMessage> messages = TwilioInbound.messages(form(fixture), NOW);
		assertThat(messages).hasSize(1);
		return messages.getFirst();
	}

	private static Map<String, String> form(String fixture) {
		return FormBody.parse(Fixtures.load("twilio/" + fixture + ".form", VALUES).getBytes(StandardCharsets.UTF_8));
	}

}
