package org.linea.channel.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming read gives the payload the mapper gives, or leaves the body to the mapper: a webhook is
 * decoded, or refused with the same reason, whichever way it is read.
 */
class WhatsAppPayloadReaderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PHONE_NUMBER_ID = "106540352242922";

	static Stream<Path> documentedBodies() throws IOException {
		return Files.list(Path.of("src/test/resources/org/linea/channel/whatsapp/WhatsAppParserFuzzTestsInputs/webhookBody")).sorted();
	}

	@ParameterizedTest
	@MethodSource("documentedBodies")
	void aDocumentedBodyReadsAsTheMapperReadsIt(Path file) {
		byte[] body = read(file);
		WhatsAppPayload streamed = WhatsAppPayloadReader.read(body, JSON);
		if (streamed != null) {
			assertThat(streamed).isEqualTo(JSON.readValue(body, WhatsAppPayload.class));
		}
		assertSameOutcome(body);
	}

	@Test
	void textMessagesAndStatusesAreReadWithoutTheMapper() {
		for (String name : List.of("text.json", "statuses-failed.json", "image.json", "interactive-list.json", "unknown-fields.json")) {
			assertThat(WhatsAppPayloadReader.read(read(Path.of(
					"src/test/resources/org/linea/channel/whatsapp/WhatsAppParserFuzzTestsInputs/webhookBody", name)), JSON))
				.as(name).isNotNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// a number where the documented type is a string: the mapper coerces it
			"""
			{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},
			 "messages":[{"from":"34600111222","id":"wamid.1","timestamp":1700000000,"type":"text","text":{"body":"hola"}}]}}]}]}
			""",
			// content after the body
			"""
			{"object":"whatsapp_business_account","entry":[]} {"object":"x"}
			""",
			// broken JSON
			"""
			{"object":"whatsapp_business_account","entry":[{"changes":[
			""",
			// an object where a list belongs
			"""
			{"object":"whatsapp_business_account","entry":{"changes":[]}}
			""",
			// a string where an object belongs
			"""
			{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},
			 "messages":[{"from":"34600111222","id":"wamid.1","timestamp":"1700000000","type":"text","text":"hola"}]}}]}]}
			""",
			// a root that is no object
			"""
			["whatsapp_business_account"]
			""" })
	void anUnusualBodyIsLeftToTheMapper(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		assertThat(WhatsAppPayloadReader.read(body, JSON)).isNull();
		assertSameOutcome(body);
	}

	@Test
	void aMalformedBodyKeepsItsReason() {
		byte[] body = """
				{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},
				 "messages":[{"from":"34600111222","id":"wamid.1","timestamp":"soon","type":"text","text":{"body":"hola"}}]}}]}]}
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(WhatsAppPayloadReader.read(body, JSON)).isNotNull();
		assertThatThrownBy(() -> WhatsAppInbound.parse(body, JSON, PHONE_NUMBER_ID, true))
			.isInstanceOf(WhatsAppInbound.Malformed.class)
			.hasMessage("messages[].timestamp must be Unix seconds");
	}

	/** Decoded alike, or refused for the same reason, read either way. */
	static void assertSameOutcome(byte[] body) {
		Object streamed = outcome(body, true);
		Object bound = outcome(body, false);
		assertThat(streamed).isEqualTo(bound);
	}

	private static Object outcome(byte[] body, boolean streaming) {
		try {
			return WhatsAppInbound.parse(body, JSON, PHONE_NUMBER_ID, streaming);
		}
		catch (WhatsAppInbound.Malformed ex) {
			return "malformed: " + ex.getMessage();
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
