package org.linea.channel.twilio;

import java.time.Instant;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.linea.channel.DeliveryReport;
import org.linea.channel.StorableChecks;

/**
 * Any form body Twilio could send to the message and the status webhooks: the parsers decode it or
 * refuse it as {@link TwilioInbound.Malformed} (answered 400), and what they decode can be stored.
 * Seeds: the documented payloads in {@code TwilioParserFuzzTestsInputs}.
 */
class TwilioParserFuzzTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	@FuzzTest(maxDuration = "30s")
	void incomingMessage(byte[] body) {
		try {
			TwilioInbound.messages(FormBody.parse(body), NOW).forEach(StorableChecks::assertStorable);
		}
		catch (TwilioInbound.Malformed expected) {
			// answered 400
		}
	}

	@FuzzTest(maxDuration = "30s")
	void statusCallback(byte[] body) {
		try {
			Map<String, String> params = FormBody.parse(body);
			DeliveryReport report = TwilioInbound.report(params, params.get("ref"), NOW);
			if (report != null) {
				StorableChecks.assertStorable(report);
			}
		}
		catch (TwilioInbound.Malformed expected) {
			// answered 400
		}
	}

}
