package org.linea.web.session;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.conversation.SecondNode;
import org.linea.web.SignedInClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions live in PostgreSQL: shared by nodes, surviving a restart, ended when a user's access is withdrawn. */
class SessionsIntegrationTests extends LineaIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	@LocalServerPort
	int port;

	private SignedInClient signedIn(LineaUser user) {
		SignedInClient client = new SignedInClient(this.port).signIn(user.getUsername(), PASSWORD);
		assertThat(client.get("/inbox").statusCode()).isEqualTo(200);
		return client;
	}

	private static void assertSentToLogin(SignedInClient client) {
		HttpResponse<String> next = client.get("/inbox");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	private long sessionsOf(LineaUser user) {
		return this.jdbc.sql("select count(*) from security_session where principal_name = ?")
			.param(user.getUsername())
			.query(Long.class)
			.single();
	}

	@Test
	void changingOnesPasswordEndsOnesOtherSessionsButNotTheOneItWasChangedIn() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient laptop = signedIn(operator);
		SignedInClient phone = signedIn(operator);
		assertThat(sessionsOf(operator)).isEqualTo(2);

		laptop.get("/profile");
		HttpResponse<String> changed = laptop.postForm("/profile/password",
				Map.of("current", PASSWORD, "password", "another-long-password"));
		assertThat(changed.statusCode()).isEqualTo(302);

		assertThat(laptop.get("/inbox").statusCode()).isEqualTo(200);
		assertSentToLogin(phone);
		assertThat(sessionsOf(operator)).isEqualTo(1);
	}

	@Test
	void aPasswordResetByAnAdministratorEndsEverySessionOfThatUser() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient browser = signedIn(operator);
		SignedInClient admin = new SignedInClient(this.port).signIn("admin", ADMIN_PASSWORD);
		admin.get("/admin");
		admin.postForm("/admin/users/" + operator.id() + "/password", Map.of("password", "reset-by-the-admin"));

		assertSentToLogin(browser);
		assertThat(sessionsOf(operator)).isZero();
		assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void disablingAUserEndsTheirSessions() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient browser = signedIn(operator);
		signIn(administrator());
		this.users.setEnabled(operator.id(), false);

		assertThat(sessionsOf(operator)).isZero();
		assertSentToLogin(browser);
	}

	@Test
	void removingARoleEndsTheUsersSessions() {
		Organisation organisation = newOrganisation();
		LineaUser user = newUser(organisation, Role.OPERATOR);
		this.users.grant(user.id(), organisation.id(), Role.COORDINATOR);
		SignedInClient browser = signedIn(user);
		signIn(administrator());
		this.users.revoke(user.id(), organisation.id(), Role.COORDINATOR);

		assertThat(sessionsOf(user)).isZero();
		assertSentToLogin(browser);
		// signing in again works with the role that is left
		assertThat(signedIn(user).get("/inbox").statusCode()).isEqualTo(200);
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient browser = signedIn(operator);
		// the session began 11 h ago and was used just now: still fine
		startedHoursAgo(operator, 11);
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);

		assertThat(this.jdbc.sql("select max_inactive_interval from security_session where principal_name = ?")
			.param(operator.getUsername()).query(Integer.class).single()).as("idle timeout, seconds").isEqualTo(8 * 3600);

		startedHoursAgo(operator, 13);
		HttpResponse<String> next = browser.get("/inbox");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertSentToLogin(browser);
	}

	private void startedHoursAgo(LineaUser user, int hours) {
		this.jdbc.sql("update security_session set creation_time = ? where principal_name = ?")
			.params(System.currentTimeMillis() - hours * 3_600_000L, user.getUsername())
			.update();
	}

	@Test
	void aSessionStartedOnOneNodeWorksOnTheOtherAndOutlivesItsNode() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient onA;
		try (ConfigurableApplicationContext nodeB = SecondNode.start()) {
			SignedInClient onB = new SignedInClient(SecondNode.port(nodeB)).signIn(operator.getUsername(), PASSWORD);
			assertThat(onB.get("/inbox").statusCode()).isEqualTo(200);
			onA = onB.onPort(this.port);
			assertThat(onA.get("/inbox").statusCode()).isEqualTo(200);
		}
		// node B is gone (as after a restart): the session it started is still there
		assertThat(onA.get("/inbox").statusCode()).isEqualTo(200);
	}

}
