package org.linea.channel.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.web.ApiClient;
import org.linea.web.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator trying a line from a script. */
class SimulatorApiIntegrationTests extends ApiIntegrationTest {

	private Line line;

	private ApiClient api;

	@BeforeEach
	void lineAndCoordinator() {
		Organisation organisation = newOrganisation();
		this.line = newLine(organisation);
		this.api = api(newUser(organisation, Role.COORDINATOR), "script");
	}

	private String messages() {
		return "/api/simulator/" + this.line.key() + "/messages";
	}

	private long stored() {
		return this.jdbc.sql("select count(*) from channel_inbound_event where line_id = ?").param(this.line.id()).query(Long.class).single();
	}

	@Test
	void writesAsAPersonAndReadsTheConversationBackOldestFirstWithStatuses() {
		String from = randomPhone();
		HttpResponse<String> accepted = this.api.postJson(messages(), "{\"from\": \"" + from + "\", \"text\": \"hola\"}");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(accepted.body()).get("duplicate").asBoolean()).isFalse();

		String thread = "/api/simulator/" + this.line.key() + "/contacts/" + from + "/messages";
		eventually(() -> this.json.readTree(this.api.get(thread).body()).size() == 3, "the replies arrived");
		JsonNode messages = this.json.readTree(this.api.get(thread).body());
		assertThat(messages.get(0).get("direction").asString()).isEqualTo("IN");
		assertThat(messages.get(0).get("text").asString()).isEqualTo("hola");
		assertThat(messages.get(0).get("status").asString()).isEqualTo("RECEIVED");
		assertThat(messages.get(1).get("direction").asString()).isEqualTo("OUT");
		assertThat(messages.get(1).get("status").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void theSameMessageIdTwiceIsADuplicate() {
		String body = "{\"from\": \"" + randomPhone() + "\", \"text\": \"hola\", \"id\": \"retry-1\"}";
		assertThat(this.api.postJson(messages(), body).statusCode()).isEqualTo(202);
		HttpResponse<String> again = this.api.postJson(messages(), body);
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "no country code|{\"from\": \"987654321\", \"text\": \"hola\"}|international",
			"impossible number|{\"from\": \"+51 12\", \"text\": \"hola\"}|possible",
			"empty text|{\"from\": \"+51987654321\", \"text\": \"   \"}|text",
			"missing sender|{\"text\": \"hola\"}|from",
			"not JSON|from=+51987654321&text=hola|JSON", "broken JSON|{\"from\": \"+51987654321\", |JSON",
			"id with spaces|{\"from\": \"+51987654321\", \"text\": \"hola\", \"id\": \"a b\"}|id" })
	void badInputIsRefusedWithAClearReasonAndNothingIsStored(String what, String body, String reason) {
		HttpResponse<String> refused = this.api.postJson(messages(), body);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).containsIgnoringCase(reason);
		assertThat(stored()).isZero();
	}

	@Test
	void anOversizedMessageIsRefused() {
		String text = "a".repeat(5000);
		HttpResponse<String> refused = this.api.postJson(messages(), "{\"from\": \"+51987654321\", \"text\": \"" + text + "\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("text");
		assertThat(stored()).isZero();
	}

	@Test
	void anUnknownLineIsNotFound() {
		assertThat(this.api.postJson("/api/simulator/no-such-line/messages", "{\"from\": \"+51987654321\", \"text\": \"hola\"}")
			.statusCode()).isEqualTo(404);
	}

}
