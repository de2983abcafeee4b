package org.linea.inbox;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may organise a line's teams. */
class TeamControllerIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TeamService teams;

	@Test
	void aCoordinatorAddsOperatorsToATeamAndAnOperatorCannot() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		Team health = this.teams.find(line.id(), Team.HEALTH).orElseThrow();
		String addMember = "/teams/" + line.key() + "/" + health.id() + "/members";

		SignedInClient asOperator = new SignedInClient(this.port).signIn(operator.getUsername(), "a-long-test-password");
		asOperator.get("/teams");
		assertThat(asOperator.postForm(addMember, Map.of("userId", String.valueOf(operator.id()), "maxOpen", "3")).statusCode())
			.isEqualTo(403);
		assertThat(this.teams.members(health.id())).isEmpty();

		SignedInClient asCoordinator = new SignedInClient(this.port).signIn(coordinator.getUsername(), "a-long-test-password");
		assertThat(asCoordinator.get("/teams?line=" + line.key()).body()).contains("Salud / Health");
		assertThat(asCoordinator.postForm(addMember, Map.of("userId", String.valueOf(operator.id()), "maxOpen", "3")).statusCode())
			.isEqualTo(302);
		assertThat(this.teams.members(health.id())).singleElement().satisfies(m -> {
			assertThat(m.userId()).isEqualTo(operator.id());
			assertThat(m.maxOpen()).isEqualTo(3);
		});

		LineaUser stranger = newUser(newOrganisation(), Role.OPERATOR);
		assertThat(asCoordinator.postForm(addMember, Map.of("userId", String.valueOf(stranger.id()))).statusCode()).isEqualTo(404);
	}

}
