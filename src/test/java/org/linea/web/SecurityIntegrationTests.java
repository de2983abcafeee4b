package org.linea.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach what: every page behind login and roles, the API behind tokens, forms behind CSRF. */
class SecurityIntegrationTests extends LineaIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokenService tokens;

	private ApiClient api(LineaUser user) {
		return new ApiClient(this.port, this.tokens.create(user.id(), "test"));
	}

	@Test
	void pagesSendStrangersToTheLoginPage() throws InterruptedException {
		SignedInClient stranger = new SignedInClient(this.port);
		for (String page : new String[] { "/inbox", "/simulator", "/admin", "/profile", "/inbox/conversations/1" }) {
			HttpResponse<String> response = stranger.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
		assertThat(stranger.get("/login").statusCode()).isEqualTo(200);
		// health answers 503 while the node warms up (org.linea.shared.Warmup): public once it is ready
		for (int i = 0; i < 600 && stranger.get("/actuator/health/readiness").statusCode() == 503; i++) {
			Thread.sleep(100);
		}
		assertThat(stranger.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiWantsAValidUnrevokedToken() {
		assertThat(new ApiClient(this.port, null).get("/api/simulator/demo/contacts/+51987654321/messages").statusCode()).isEqualTo(401);
		assertThat(new ApiClient(this.port, "lin_made-up-token").get("/api/simulator/demo/contacts/+51987654321/messages").statusCode())
			.isEqualTo(401);
		LineaUser admin = administrator();
		String token = this.tokens.create(admin.id(), "to revoke");
		ApiClient client = new ApiClient(this.port, token);
		assertThat(client.get("/api/simulator/demo/contacts/+51987654321/messages").statusCode()).isEqualTo(200);
		long id = this.tokens.tokensOf(admin.id()).stream().filter(t -> t.name().equals("to revoke")).findFirst().orElseThrow().id();
		signIn(admin);
		this.tokens.revoke(admin.id(), id);
		assertThat(client.get("/api/simulator/demo/contacts/+51987654321/messages").statusCode()).isEqualTo(401);
	}

	@Test
	void aFreshInstallationCanBeScriptedWithTheConfiguredAdminTokenAndTheOpenApiDescription() {
		ApiClient script = new ApiClient(this.port, "lin_test-admin-token-for-scripted-setups");
		assertThat(script.get("/api/simulator/demo/contacts/+51987654321/messages").statusCode()).isEqualTo(200);
		HttpResponse<String> description = new ApiClient(this.port, null).get("/v3/api-docs");
		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body()).contains("/api/simulator/{lineKey}/messages");
	}

	@Test
	void rolesDecideWhoUsesTheSimulatorAndLinesOfOtherOrganisationsDoNotExist() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String path = "/api/simulator/" + line.key() + "/messages";
		String body = "{\"from\": \"" + randomPhone() + "\", \"text\": \"hola\"}";

		assertThat(api(newUser(organisation, Role.OPERATOR)).postJson(path, body).statusCode()).isEqualTo(202);
		assertThat(api(newUser(organisation, Role.ANALYST)).postJson(path, body).statusCode()).isEqualTo(403);
		assertThat(api(newUser(newOrganisation(), Role.OPERATOR)).postJson(path, body).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from channel_inbound_message where line_id = ?").param(line.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsReachAdministrationAndMetrics() {
		Organisation organisation = newOrganisation();
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(coordinator.getUsername(), PASSWORD);
		assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
		assertThat(api(coordinator).get("/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(api(administrator()).get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(new SignedInClient(this.port).signIn("admin", ADMIN_PASSWORD).get("/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
		Organisation organisation = newOrganisation();
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		HttpResponse<String> refused = browser.postRaw("/profile/tokens", Map.of("name", "sneaky"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.tokens.tokensOf(operator.id())).isEmpty();
		assertThat(browser.postForm("/profile/tokens", Map.of("name", "mine")).statusCode()).isEqualTo(302);
		assertThat(this.tokens.tokensOf(operator.id())).extracting("name").containsExactly("mine");
	}

	@Test
	void aDisabledUserIsSignedOutOnTheNextRequest() {
		Organisation organisation = newOrganisation();
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
		signIn(administrator());
		this.users.setEnabled(operator.id(), false);
		HttpResponse<String> next = browser.get("/inbox");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	@Test
	void pagesForbidCachingFramingAndInlineScripts() {
		HttpResponse<String> login = new SignedInClient(this.port).get("/login");
		assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'"));
	}

	@Test
	void fiveWrongPasswordsStopFurtherAttemptsForThatUserEvenWithTheRightPassword() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		SignedInClient guesser = new SignedInClient(this.port);
		for (int i = 0; i < 5; i++) {
			guesser.get("/login");
			HttpResponse<String> wrong = guesser.postForm("/login", Map.of("username", operator.getUsername(), "password", "guess-" + i));
			assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
		}
		guesser.get("/login");
		HttpResponse<String> right = guesser.postForm("/login", Map.of("username", operator.getUsername(), "password", PASSWORD));
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("throttled"));
		assertThat(guesser.get("/inbox").statusCode()).isEqualTo(302);
		// another user is not affected
		LineaUser colleague = newUser(newOrganisation(), Role.OPERATOR);
		assertThat(new SignedInClient(this.port).signIn(colleague.getUsername(), PASSWORD).get("/inbox").statusCode()).isEqualTo(200);
	}

	@Test
	void analystsStartOnTheDashboardAndOperatorsInTheInbox() {
		Organisation organisation = newOrganisation();
		LineaUser analyst = newUser(organisation, Role.ANALYST);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		assertThat(new SignedInClient(this.port).signIn(analyst.getUsername(), PASSWORD).get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/report/dashboard"));
		assertThat(new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD).get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
	}

}
