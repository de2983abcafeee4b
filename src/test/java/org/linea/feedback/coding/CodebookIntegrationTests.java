package org.linea.feedback.coding;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator adapts the organisation's codebook; operators then code with it. */
class CodebookIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Codebook codebook;

	@Test
	void aCoordinatorAddsAndRetiresCodesAndOthersCannot() {
		Organisation organisation = newOrganisation();
		newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String save = "/feedback/codebook/" + organisation.id();
		Map<String, String> code = Map.of("category", "cash", "code", "bono_retrasos", "labelEs", "Retrasos del bono", "labelEn",
				"Cash delays");

		SignedInClient operator = new SignedInClient(this.port).signIn(newUser(organisation, Role.OPERATOR).getUsername(),
				"a-long-test-password");
		operator.get("/inbox");
		assertThat(operator.postForm(save, code).statusCode()).isEqualTo(403);
		SignedInClient stranger = new SignedInClient(this.port).signIn(newUser(newOrganisation(), Role.COORDINATOR).getUsername(),
				"a-long-test-password");
		stranger.get("/inbox");
		assertThat(stranger.postForm(save, code).statusCode()).isEqualTo(404);
		assertThat(this.codebook.activeCodes(organisation.id())).doesNotContain("bono_retrasos");

		SignedInClient browser = new SignedInClient(this.port).signIn(coordinator.getUsername(), "a-long-test-password");
		assertThat(browser.get("/feedback/codebook").body()).contains("salud");
		assertThat(browser.postForm(save, code).statusCode()).isEqualTo(302);
		assertThat(this.codebook.activeCodes(organisation.id())).contains("bono_retrasos", "salud");

		long salud = this.codebook.entries(organisation.id()).stream().filter(e -> e.code().equals("salud")).findFirst().orElseThrow().id();
		browser.get("/feedback/codebook");
		assertThat(browser.postForm(save + "/" + salud + "/active", Map.of("active", "false")).statusCode()).isEqualTo(302);
		assertThat(this.codebook.activeCodes(organisation.id())).doesNotContain("salud").contains("bono_retrasos");
	}

}
