package org.linea.admin;

import org.junit.jupiter.api.Test;
import org.linea.LineaApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fresh installation whose LINEA_ADMIN_PASSWORD the password rules refuse does not start, and says why. */
class FirstStartPasswordTests {

	@Test
	void aCommonAdministratorPasswordStopsTheFirstStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(LineaApplication.class).run("--spring.profiles.active=test",
				"--server.port=0", "--linea.data-dir=target/first-start-data",
				// a directory of its own that outlives the test, so the server stops cleanly when the JVM exits
				"--linea.db.embedded.data-dir=target/first-start-postgres", "--linea.db.embedded.ephemeral=true",
				"--linea.admin.password=Password2026!", "--linea.demo=false"))
			.hasStackTraceContaining("LINEA_ADMIN_PASSWORD cannot be used")
			.hasStackTraceContaining("most often");
	}

}
