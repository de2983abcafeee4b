package org.linea.channel.simulator;

import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.linea.channel.StorableChecks;
import org.linea.shared.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any body sent to {@code POST /api/simulator/{line}/messages}, read as Spring reads it: not JSON of
 * the shape (400), breaking the request's constraints (400), an {@link InvalidRequestException} (400),
 * or a message that can be stored. Seeds: {@code SimulatorParserFuzzTestsInputs/message}.
 */
class SimulatorParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@FuzzTest(maxDuration = "30s")
	void message(byte[] body) {
		SimulatedMessageRequest request;
		try {
			request = JSON.readValue(body, SimulatedMessageRequest.class);
		}
		catch (JacksonException expected) {
			return;
		}
		if (request == null || !VALIDATOR.validate(request).isEmpty()) {
			return;
		}
		try {
			StorableChecks.assertStorable(SimulatorInbound.message(request, Instant.EPOCH));
		}
		catch (InvalidRequestException expected) {
			// answered 400
		}
	}

}
