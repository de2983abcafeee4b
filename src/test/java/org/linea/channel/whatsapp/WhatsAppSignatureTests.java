package org.linea.channel.whatsapp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppSignatureTests {

	private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsTheHmacOfTheExactBody() {
		// computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac app-secret
		String expected = "sha256=" + new org.apache.commons.codec.digest.HmacUtils("HmacSHA256", "app-secret").hmacHex(BODY);

		assertThat(WhatsAppSignature.valid("app-secret", BODY, expected)).isTrue();
		assertThat(WhatsAppSignature.sign("app-secret", BODY)).isEqualTo(expected);
	}

	@Test
	void refusesAnotherSecretAnotherBodyOrAMissingHeader() {
		String signature = WhatsAppSignature.sign("app-secret", BODY);

		assertThat(WhatsAppSignature.valid("other-secret", BODY, signature)).isFalse();
		assertThat(WhatsAppSignature.valid("app-secret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		assertThat(WhatsAppSignature.valid("app-secret", BODY, null)).isFalse();
		assertThat(WhatsAppSignature.valid("app-secret", BODY, signature.substring("sha256=".length()))).isFalse();
		assertThat(WhatsAppSignature.valid(null, BODY, signature)).isFalse();
	}

}
