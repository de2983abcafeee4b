package org.linea.admin;

import org.linea.access.Organisation;
import org.linea.access.LineForm;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.OrganisationService;
import org.linea.access.UserService;
import org.linea.access.ApiTokenService;
import org.linea.access.LineService;
import org.linea.access.AdminProperties;
import java.security.SecureRandom;
import java.util.List;

import org.linea.access.ChannelType;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.LineaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start: the first administrator (password from LINEA_ADMIN_PASSWORD or generated and
 * logged once), the administrator's token from LINEA_ADMIN_TOKEN, and unless {@code linea.demo=false}
 * a demo organisation with a simulator line {@code demo}. Safe when several nodes start together.
 */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private static final long LOCK_KEY = 0x4c494e4541L;

	private final JdbcClient jdbc;

	private final UserService users;

	private final ApiTokenService tokens;

	private final OrganisationService organisations;

	private final LineService lines;

	private final AdminProperties admin;

	private final LineaProperties linea;

	FirstStart(JdbcClient jdbc, UserService users, ApiTokenService tokens, OrganisationService organisations,
			LineService lines, AdminProperties admin, LineaProperties linea) {
		this.jdbc = jdbc;
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.lines = lines;
		this.admin = admin;
		this.linea = linea;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
		if (!this.users.anyUserExists()) {
			createAdministrator();
		}
		if (this.admin.token() != null && !this.admin.token().isBlank()) {
			LineaUser administrator = this.users.loadUserByUsername(this.admin.username());
			this.tokens.ensureConfigured(administrator.id(), "LINEA_ADMIN_TOKEN", this.admin.token());
		}
		if (this.linea.demo() && this.lines.findByKey("demo").isEmpty()) {
			createDemo();
		}
	}

	private void createAdministrator() {
		String password = this.admin.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = randomPassword();
		}
		long id;
		try {
			id = this.users.create(this.admin.username(), "Administrator", password);
		}
		catch (InvalidRequestException ex) {
			throw new IllegalStateException("LINEA_ADMIN_PASSWORD cannot be used: " + ex.getMessage(), ex);
		}
		this.users.grant(id, null, Role.INSTALLATION_ADMIN);
		if (generated) {
			// Printed once, on purpose: the only way into a fresh installation without configuration.
			log.warn("""

					==========================================================
					 Linea created the administrator account.
					   user:     {}
					   password: {}
					 Change it on the profile page, or set LINEA_ADMIN_PASSWORD.
					==========================================================""", this.admin.username(), password);
		}
		else {
			log.info("Created the administrator '{}' with the configured password", this.admin.username());
		}
	}

	private void createDemo() {
		Organisation demo = this.organisations.all()
			.stream()
			.filter(o -> o.slug().equals("demo"))
			.findFirst()
			.orElseGet(() -> this.organisations.create("demo", "Demo"));
		this.lines.create(new LineForm(demo.id(), "demo", "Línea demo", ChannelType.SIMULATOR, "PE", "America/Lima",
				List.of("es", "en"), "", 30, 30));
		// an installation administrator sees no organisation's people unless given a role there: the first
		// one runs the demo organisation, so the README's first steps work with the start-up token
		this.users.findByUsername(this.admin.username()).ifPresent(administrator -> {
			this.users.grant(administrator.id(), demo.id(), Role.ADMIN);
			this.users.grant(administrator.id(), demo.id(), Role.COORDINATOR);
		});
		log.info("Created the demo organisation and the simulator line 'demo' (set linea.demo=false to skip)");
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
