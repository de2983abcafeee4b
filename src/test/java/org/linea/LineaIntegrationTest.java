package org.linea;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.Role;
import org.linea.access.UserService;
import org.linea.access.ChannelType;
import org.linea.channel.twilio.FakeTwilioApi;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.linea.shared.crypto.EmbeddedKeys;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The full application on the embedded PostgreSQL, one database per test run shared by every test
 * context. Tests do not clean up: each makes its own organisation, line and numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class LineaIntegrationTest {

	/** The first administrator's password in application-test.yml. */
	protected static final String ADMIN_PASSWORD = "test-installation-passphrase";

	static {
		// every test context talks to the fake providers on loopback, never to Meta or Twilio
		System.setProperty("linea.whatsapp.graph-url", FakeGraphApi.instance().graphUrl());
		System.setProperty("linea.twilio.api-url", FakeTwilioApi.instance().baseUrl());
		System.setProperty("linea.twilio.content-url", FakeTwilioApi.instance().baseUrl());
	}

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected LineService lines;

	@Autowired
	protected OrganisationService organisations;

	@Autowired
	protected UserService users;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Environment environment;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A made-up Peruvian mobile number no other test uses. */
	protected static String randomPhone() {
		return "+519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
	}

	protected Organisation newOrganisation() {
		return this.organisations.create(unique("org"), "Test organisation");
	}

	/** A simulator line, always open, Spanish then English. */
	protected Line newLine(Organisation organisation) {
		return newLine(organisation, "");
	}

	protected Line newLine(Organisation organisation, String openingHours) {
		return this.lines.create(new LineForm(organisation.id(), unique("line"), "Línea de prueba", ChannelType.SIMULATOR,
				"PE", "America/Lima", List.of("es", "en"), openingHours, 30, 30));
	}

	/** Creates a user holding the role in the organisation. */
	protected LineaUser newUser(Organisation organisation, Role role) {
		String username = unique(role.name().toLowerCase());
		long id = this.users.create(username, "Test " + role.name().toLowerCase(), "a-long-test-password");
		this.users.grant(id, organisation.id(), role);
		return this.users.findById(id).orElseThrow();
	}

	protected LineaUser administrator() {
		return this.users.loadUserByUsername("admin");
	}

	/** Runs the rest of the test as this user, as if they had signed in. */
	protected static void signIn(LineaUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}


	/** The JDBC URL of this run's database, for another node or a client tool to reach it. */
	protected String databaseUrl() {
		return ((HikariDataSource) this.dataSource).getJdbcUrl();
	}

	/** The keys this run's data was written with, as the properties another node on the same data needs. */
	protected List<String> keyProperties() {
		return EmbeddedKeys.properties(this.environment);
	}

	/** Waits until everything the line received is processed and everything it queued has been sent (or has failed). */
	protected void settled(Line line) {
		eventually(() -> isSettled(line), "the line settled");
	}

	/** Nothing the line received waits to be processed and nothing it queued waits to be sent. */
	protected boolean isSettled(Line line) {
		return this.jdbc.sql("""
				select (select count(*) from channel_inbound_message where line_id = ? and processed_at is null)
				     + (select count(*) from channel_outbox where line_id = ? and status not in ('SENT', 'FAILED'))
				""").params(line.id(), line.id()).query(Long.class).single() == 0;
	}

	/** Waits until the condition holds; the asynchronous pipeline and outbox answer within a second or two. */
	protected static void eventually(Supplier<Boolean> condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.get()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("Timed out waiting until " + what);
	}

}
