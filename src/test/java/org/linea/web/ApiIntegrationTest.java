package org.linea.web;

import java.net.http.HttpResponse;

import org.linea.access.ApiTokenService;
import org.linea.access.LineaUser;
import org.linea.feedback.InteractionsIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests of the REST API: a client with a user's API token, and answers read as JSON after checking their status. */
public abstract class ApiIntegrationTest extends InteractionsIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ApiTokenService tokens;

	@Autowired
	protected JsonMapper json;

	/** A client holding a new API token of this user, named for what uses it. */
	protected ApiClient api(LineaUser user, String tokenName) {
		return new ApiClient(this.port, this.tokens.create(user.id(), tokenName));
	}

	/** The answer's body as JSON, once its status is the expected one (else the body says why). */
	protected JsonNode read(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

}
