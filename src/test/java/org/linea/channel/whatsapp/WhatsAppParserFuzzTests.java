package org.linea.channel.whatsapp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.linea.channel.StorableChecks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any signed body Meta (or an attacker holding the app secret) could send: the parser either decodes
 * it or refuses it as {@link WhatsAppInbound.Malformed} (answered 400), and what it decodes can be
 * stored. Seeds: the documented payloads in {@code WhatsAppParserFuzzTestsInputs/webhookBody}.
 */
class WhatsAppParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@FuzzTest(maxDuration = "30s")
	void webhookBody(byte[] body) {
		// read field by field or bound by the mapper: the same messages, or the same refusal
		WhatsAppPayloadReaderTests.assertSameOutcome(body);
		WhatsAppInbound.Decoded decoded;
		try {
			decoded = WhatsAppInbound.parse(body, JSON, "106540352242922");
		}
		catch (WhatsAppInbound.Malformed expected) {
			return;
		}
		decoded.messages().forEach(StorableChecks::assertStorable);
		decoded.reports().forEach(StorableChecks::assertStorable);
	}

}
