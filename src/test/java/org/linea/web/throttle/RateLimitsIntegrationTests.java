package org.linea.web.throttle;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.conversation.SecondNode;
import org.linea.web.ApiClient;
import org.linea.web.SignedInClient;
import org.linea.web.throttle.SignInThrottle.Verdict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttles and limits are kept in PostgreSQL: two nodes count against one limit, and the counts
 * outlive the node that made them. Small limits here so that they are reached quickly.
 */
@TestPropertySource(properties = { RateLimitsIntegrationTests.API, RateLimitsIntegrationTests.EXPORT, RateLimitsIntegrationTests.REVEAL,
		RateLimitsIntegrationTests.PER_ADDRESS, RateLimitsIntegrationTests.PER_ACCOUNT, RateLimitsIntegrationTests.DELAY })
class RateLimitsIntegrationTests extends LineaIntegrationTest {

	static final String API = "linea.security.rate-limits.api=4/1h";

	static final String EXPORT = "linea.security.rate-limits.export=2/1h";

	static final String REVEAL = "linea.security.rate-limits.reveal=2/1h";

	static final String PER_ADDRESS = "linea.security.sign-in.per-address=4";

	static final String PER_ACCOUNT = "linea.security.sign-in.per-account=3";

	static final String DELAY = "linea.security.sign-in.account-delay=2s";

	private static final String PASSWORD = "a-long-test-password";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	SignInThrottle throttle;

	private static ConfigurableApplicationContext secondNode() {
		return SecondNode.start(API, EXPORT, REVEAL, PER_ADDRESS, PER_ACCOUNT, DELAY);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	@Test
	void anApiTokenIsLimitedAcrossNodesAndTheCountOutlivesTheNode() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String token = this.tokens.create(operator.id(), "script");
		String path = "/api/simulator/" + line.key() + "/contacts/" + randomPhone() + "/messages";
		ApiClient onA = new ApiClient(this.port, token);
		try (ConfigurableApplicationContext nodeB = secondNode()) {
			ApiClient onB = new ApiClient(SecondNode.port(nodeB), token);
			assertThat(onA.get(path).statusCode()).isEqualTo(200);
			assertThat(onB.get(path).statusCode()).isEqualTo(200);
			assertThat(onA.get(path).statusCode()).isEqualTo(200);
			assertThat(onB.get(path).statusCode()).isEqualTo(200);
			HttpResponse<String> refused = onB.get(path);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isPositive());
		}
		// node B is gone; what it counted still counts
		assertThat(onA.get(path).statusCode()).isEqualTo(429);
		// another token of the same user has its own allowance
		assertThat(new ApiClient(this.port, this.tokens.create(operator.id(), "other")).get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void exportsAreLimitedPerUserWithATranslatedPage() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(coordinator.getUsername(), PASSWORD);
		String csv = "/report/export/log.csv?scope=line:" + line.key();
		assertThat(browser.get(csv).statusCode()).isEqualTo(200);
		assertThat(browser.get("/report/weekly.xlsx?scope=line:" + line.key()).statusCode()).isEqualTo(200);

		HttpResponse<String> refused = browser.withHeader("Accept", "text/html,*/*;q=0.8").get(csv);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("You have done this too often");
		browser.get("/inbox?lang=es");
		assertThat(browser.get(csv).body()).contains("Ha hecho esto demasiadas veces");
		// other pages are not limited, nor are other users
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
		LineaUser colleague = newUser(organisation, Role.COORDINATOR);
		assertThat(new SignedInClient(this.port).signIn(colleague.getUsername(), PASSWORD).get(csv).statusCode()).isEqualTo(200);
	}

	@Test
	void revealingNumbersIsLimitedPerUser() {
		Organisation organisation = newOrganisation();
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		browser.get("/inbox");
		String reveal = "/inbox/conversations/" + Long.MAX_VALUE + "/reveal";
		assertThat(browser.postForm(reveal, Map.of()).statusCode()).isNotEqualTo(429);
		assertThat(browser.postForm(reveal, Map.of()).statusCode()).isNotEqualTo(429);
		// the inbox asks with htmx: the answer is a notice to show in place of the number
		HttpResponse<String> refused = browser.withHeader("HX-Request", "true").postForm(reveal, Map.of());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).startsWith("<span class=\"alert\"").contains("You have done this too often");
	}

	@Test
	void anAddressGuessingPasswordsOnTwoNodesIsBlockedForEveryUser() {
		Organisation organisation = newOrganisation();
		String guesser = randomAddress();
		LineaUser victim = newUser(organisation, Role.OPERATOR);
		try (ConfigurableApplicationContext nodeB = secondNode()) {
			int portB = SecondNode.port(nodeB);
			for (int i = 0; i < 4; i++) {
				LineaUser target = newUser(organisation, Role.OPERATOR);
				SignedInClient client = new SignedInClient(i % 2 == 0 ? this.port : portB).from(guesser);
				assertThat(location(client.attemptSignIn(target.getUsername(), "wrong-guess-" + i))).contains("error");
			}
			// the right password of another user, from that address, on either node: refused before it is checked
			assertThat(location(new SignedInClient(this.port).from(guesser).attemptSignIn(victim.getUsername(), PASSWORD)))
				.contains("throttled");
			assertThat(location(new SignedInClient(portB).from(guesser).attemptSignIn(victim.getUsername(), PASSWORD)))
				.contains("throttled");
		}
		// the block outlives node B, and the user signs in from anywhere else
		assertThat(location(new SignedInClient(this.port).from(guesser).attemptSignIn(victim.getUsername(), PASSWORD)))
			.contains("throttled");
		SignedInClient elsewhere = new SignedInClient(this.port).from(randomAddress()).signIn(victim.getUsername(), PASSWORD);
		assertThat(elsewhere.get("/inbox").statusCode()).isEqualTo(200);
	}

	@Test
	void whatAClientAddsToXForwardedForDoesNotGiveItAFreshAddress() {
		Organisation organisation = newOrganisation();
		String guesser = randomAddress();
		for (int i = 0; i < 4; i++) {
			LineaUser target = newUser(organisation, Role.OPERATOR);
			// the client sends a made-up X-Forwarded-For each time; the (trusted) proxy appends the address it saw
			SignedInClient client = new SignedInClient(this.port).from(randomAddress() + ", " + guesser);
			assertThat(location(client.attemptSignIn(target.getUsername(), "wrong-guess-" + i))).contains("error");
		}
		assertThat(this.throttle.verdict(newUser(organisation, Role.OPERATOR).getUsername(), guesser)).isEqualTo(Verdict.REFUSE);
	}

	@Test
	void guessingOneUsersPasswordFromManyAddressesSlowsSignInButNeverLocksTheUserOut() {
		LineaUser operator = newUser(newOrganisation(), Role.OPERATOR);
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.verdict(operator.getUsername(), randomAddress())).isEqualTo(Verdict.ALLOW);
			assertThat(location(new SignedInClient(this.port).from(randomAddress()).attemptSignIn(operator.getUsername(), "guess-" + i)))
				.contains("error");
		}
		assertThat(this.throttle.verdict(operator.getUsername(), randomAddress())).isEqualTo(Verdict.SLOW);

		SignedInClient owner = new SignedInClient(this.port).from(randomAddress());
		owner.get("/login");
		long start = System.nanoTime();
		HttpResponse<String> answer = owner.postForm("/login", Map.of("username", operator.getUsername(), "password", PASSWORD));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(location(answer)).doesNotContain("error").doesNotContain("throttled");
		assertThat(took).as("the attempt waited the configured delay").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(owner.get("/inbox").statusCode()).isEqualTo(200);
		// the right password cleared what was held against the account
		assertThat(this.throttle.verdict(operator.getUsername(), randomAddress())).isEqualTo(Verdict.ALLOW);
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElse("");
	}

}
