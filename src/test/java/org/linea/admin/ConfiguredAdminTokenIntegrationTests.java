package org.linea.admin;

import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Organisation;
import org.linea.access.ApiToken;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.AdminProperties;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.shared.LineaProperties;
import org.linea.web.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LINEA_ADMIN_TOKEN as a scripted install sets it: any value that can work works, a changed value replaces the old one. */
class ConfiguredAdminTokenIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ApiTokenService tokens;

	@Autowired
	private LineaProperties linea;

	@Test
	void anyLongEnoughValueAuthenticatesAndChangingItRevokesThePreviousOne() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser scripted = newUser(organisation, Role.COORDINATOR);
		String path = "/api/simulator/" + line.key() + "/contacts/+51987654321/messages";
		String first = randomValue(40);
		String second = "Sx9-" + randomValue(36);

		start(scripted, first);
		start(scripted, first);
		assertThat(new ApiClient(this.port, first).get(path).statusCode()).as("a 40-character value without lin_").isEqualTo(200);

		start(scripted, second);
		assertThat(new ApiClient(this.port, second).get(path).statusCode()).isEqualTo(200);
		assertThat(new ApiClient(this.port, first).get(path).statusCode()).as("the replaced value").isEqualTo(401);
		assertThat(this.tokens.tokensOf(scripted.id())).filteredOn(ApiToken::isActive).hasSize(1)
			.allSatisfy(token -> assertThat(second).startsWith(token.tokenPrefix()).hasSizeGreaterThan(token.tokenPrefix().length() + 30));
	}

	@Test
	void startRefusesAValueThatCannotWorkAndSaysWhy() {
		Organisation organisation = newOrganisation();
		LineaUser scripted = newUser(organisation, Role.COORDINATOR);
		String revoked = randomValue(40);
		start(scripted, revoked);
		start(scripted, randomValue(48));

		assertThatThrownBy(() -> start(scripted, "too-short-for-a-token")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("LINEA_ADMIN_TOKEN").hasMessageContaining("at least 32");
		assertThatThrownBy(() -> start(scripted, randomValue(40) + "\n")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("visible ASCII");
		assertThatThrownBy(() -> start(scripted, "contraseña-" + randomValue(30))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("visible ASCII");
		assertThatThrownBy(() -> start(scripted, revoked)).isInstanceOf(IllegalStateException.class).hasMessageContaining("revoked");
	}

	/** What a start does with linea.admin.username and linea.admin.token set. */
	private void start(LineaUser administrator, String token) {
		new FirstStart(this.jdbc, this.users, this.tokens, this.organisations, this.lines,
				new AdminProperties(administrator.getUsername(), null, token), this.linea).run(null);
	}

	private static String randomValue(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes).substring(0, length);
	}

}
