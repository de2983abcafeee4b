package org.linea.bot;

import org.linea.LineaApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Linea as the benchmarks run it: the test profile on a throw-away embedded database under target/, quiet. */
final class BenchApplication {

	private BenchApplication() {
	}

	static ConfigurableApplicationContext start() {
		SpringApplication app = new SpringApplication(LineaApplication.class);
		app.setAdditionalProfiles("test");
		return app.run("--server.port=0", "--linea.demo=false", "--linea.data-dir=target/bench-data",
				"--linea.db.embedded.data-dir=target/bench-postgres", "--logging.level.org.linea=WARN", "--spring.main.banner-mode=off");
	}

}
