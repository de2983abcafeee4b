package org.linea.access;

import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Membership;
import org.linea.access.Organisation;
import org.linea.access.Line;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.web.SignedInClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's administrator stays in their organisation; installation administrators are a
 * role of their own, and see no organisation's people. Over HTTP, as a reviewer would try it.
 */
class OrganisationAdministratorsIntegrationTests extends LineaIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	@LocalServerPort
	private int port;

	private SignedInClient as(LineaUser user) {
		SignedInClient client = new SignedInClient(this.port).signIn(user.getUsername(), PASSWORD);
		client.get("/admin");
		return client;
	}

	private LineaUser installationAdministrator() {
		long id = this.users.create(unique("root"), "Installation admin", PASSWORD);
		this.users.grant(id, null, Role.INSTALLATION_ADMIN);
		return this.users.findById(id).orElseThrow();
	}

	@Test
	void anOrganisationAdministratorCannotMakeThemselvesAdministratorOfTheInstallation() {
		Organisation first = newOrganisation();
		Line firstLine = newLine(first);
		Organisation second = newOrganisation();
		LineaUser orgAdmin = newUser(second, Role.ADMIN);
		SignedInClient browser = as(orgAdmin);
		assertThat(browser.get("/admin/lines/" + firstLine.key() + "/channel").statusCode()).isEqualTo(404);

		for (Role role : new Role[] { Role.ADMIN, Role.COORDINATOR }) {
			browser.postForm("/admin/users/" + orgAdmin.id() + "/roles", Map.of("organisationId", "", "role", role.name()));
		}
		assertThat(browser.postForm("/admin/users/" + orgAdmin.id() + "/roles",
				Map.of("organisationId", "", "role", Role.INSTALLATION_ADMIN.name())).statusCode()).isEqualTo(403);
		assertThat(browser.postForm("/admin/users/" + orgAdmin.id() + "/roles",
				Map.of("organisationId", Long.toString(first.id()), "role", Role.ADMIN.name())).statusCode()).isEqualTo(404);

		assertThat(this.users.findById(orgAdmin.id()).orElseThrow().memberships()).containsExactly(new Membership(second.id(), Role.ADMIN));
		assertThat(browser.get("/admin/lines/" + firstLine.key() + "/channel").statusCode()).isEqualTo(404);
	}

	@Test
	void anOrganisationAdministratorManagesOnlyTheirOrganisationsUsersAndSeesOnlyTheirAudit() {
		Organisation first = newOrganisation();
		Organisation second = newOrganisation();
		Line secondLine = newLine(second);
		LineaUser stranger = newUser(first, Role.OPERATOR);
		LineaUser colleague = newUser(second, Role.OPERATOR);
		LineaUser both = newUser(second, Role.OPERATOR);
		this.users.grant(both.id(), first.id(), Role.OPERATOR);
		SignedInClient browser = as(newUser(second, Role.ADMIN));

		assertThat(browser.postForm("/admin/users/" + stranger.id() + "/password", Map.of("password", "taken-over-password"))
			.statusCode()).isEqualTo(404);
		assertThat(browser.postForm("/admin/users/" + stranger.id() + "/enabled", Map.of("enabled", "false")).statusCode())
			.isEqualTo(404);
		assertThat(browser.postForm("/admin/users/" + both.id() + "/enabled", Map.of("enabled", "false")).statusCode())
			.isEqualTo(403);
		assertThat(this.users.findById(stranger.id()).orElseThrow().isEnabled()).isTrue();
		assertThat(this.users.findById(both.id()).orElseThrow().isEnabled()).isTrue();
		new SignedInClient(this.port).signIn(stranger.getUsername(), PASSWORD);

		assertThat(browser.postForm("/admin/users/" + colleague.id() + "/roles",
				Map.of("organisationId", Long.toString(second.id()), "role", Role.COORDINATOR.name())).statusCode()).isEqualTo(302);
		assertThat(this.users.findById(colleague.id()).orElseThrow().memberships()).contains(new Membership(second.id(), Role.COORDINATOR));

		String page = browser.get("/admin").body();
		assertThat(page).contains(colleague.getUsername(), secondLine.key()).doesNotContain(stranger.getUsername());
		assertThat(page).contains("user " + colleague.id() + "<").doesNotContain("user " + stranger.id() + "<");
		assertThat(page).doesNotContain("/admin/organisations");
	}

	@Test
	void anInstallationAdministratorSeesNoOrganisationsPeopleButAdministersEveryOrganisation() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser root = installationAdministrator();
		SignedInClient browser = as(root);

		assertThat(browser.get("/inbox").statusCode()).isEqualTo(403);
		assertThat(browser.get("/report/dashboard").statusCode()).isEqualTo(403);
		assertThat(browser.get("/knowledge/" + line.key()).statusCode()).isEqualTo(403);
		assertThat(browser.get("/admin/lines/" + line.key() + "/channel").statusCode()).isEqualTo(200);
		assertThat(browser.get("/admin").body()).contains(operator.getUsername(), "/admin/organisations");

		LineaUser another = newUser(organisation, Role.OPERATOR);
		assertThat(browser.postForm("/admin/users/" + another.id() + "/roles",
				Map.of("organisationId", "", "role", Role.INSTALLATION_ADMIN.name())).statusCode()).isEqualTo(302);
		assertThat(this.users.findById(another.id()).orElseThrow().isInstallationAdmin()).isTrue();

		// given a role in the organisation, they see its people like anyone holding that role
		this.users.grant(root.id(), organisation.id(), Role.COORDINATOR);
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
		assertThat(browser.get("/knowledge/" + line.key()).statusCode()).isEqualTo(200);
	}

}
