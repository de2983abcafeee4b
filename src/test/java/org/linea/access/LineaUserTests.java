package org.linea.access;

import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Membership;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linea.access.Permission;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user's roles allow where. */
class LineaUserTests {

	private static LineaUser holding(Membership... memberships) {
		return new LineaUser(1, "ana", "Ana", "x", true, Set.of(memberships));
	}

	@Test
	void anOrganisationsAdministratorAdministersThatOrganisationOnlyAndHoldsNoGlobalRole() {
		LineaUser orgAdmin = holding(new Membership(2L, Role.ADMIN));
		assertThat(orgAdmin.can(2, Permission.ORG_ADMIN)).isTrue();
		assertThat(orgAdmin.can(1, Permission.ORG_ADMIN)).isFalse();
		assertThat(orgAdmin.isMemberOf(1)).isFalse();
		assertThat(orgAdmin.isInstallationAdmin()).isFalse();
		assertThat(orgAdmin.can(2, Permission.INBOX_READ)).isFalse();
		assertThat(orgAdmin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ORG_ADMIN")
			.doesNotContain("ROLE_ADMIN", "ROLE_INSTALLATION_ADMIN", "INSTALLATION_ADMIN");
	}

	@Test
	void anInstallationAdministratorAdministersEveryOrganisationButReadsNoOnesPeople() {
		LineaUser root = holding(new Membership(null, Role.INSTALLATION_ADMIN));
		assertThat(root.can(7, Permission.ORG_ADMIN)).isTrue();
		assertThat(root.canInstallationWide(Permission.INSTALLATION_ADMIN)).isTrue();
		for (Permission people : new Permission[] { Permission.INBOX_READ, Permission.CONTACT_REVEAL, Permission.REPORT_READ,
				Permission.RUMOUR_READ, Permission.KNOWLEDGE_READ }) {
			assertThat(root.can(7, people)).as(people.name()).isFalse();
			assertThat(root.canSomewhere(people)).as(people.name()).isFalse();
		}
		LineaUser alsoCoordinator = holding(new Membership(null, Role.INSTALLATION_ADMIN), new Membership(7L, Role.COORDINATOR));
		assertThat(alsoCoordinator.can(7, Permission.INBOX_READ)).isTrue();
		assertThat(alsoCoordinator.can(8, Permission.INBOX_READ)).isFalse();
	}

}
