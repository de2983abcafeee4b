package org.linea.shared.db;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.conversation.SecondNode;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.web.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup procedure of docs/deploy.md, as written there: {@code pg_dump --format=custom} of the
 * live database, {@code pg_restore} into a new empty one, Linea started on the copy with the same keys.
 * <p>
 * It needs PostgreSQL 17's pg_dump (an older one refuses the server): {@code LINEA_PG_CLIENT_BIN}
 * names its folder, else {@code scripts/pg-client-17.sh} fetches Debian 13's into target/. Without
 * either (no network to Debian's packages) the test is skipped, saying why.
 */
class BackupRestoreIntegrationTests extends InteractionsIntegrationTest {

	@TempDir
	Path dir;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JsonMapper json;

	@Test
	void aDumpRestoredIntoAFreshDatabaseRunsLineaWithEverythingItHeld() throws Exception {
		Path bin = pgClient();
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "necesito hablar con una persona", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Integer.class).single() == 1, "the person waits");
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String token = this.tokens.create(operator.id(), "restore-check");

		URI live = URI.create(databaseUrl().substring("jdbc:".length()));
		String restoredName = "linea_restored_" + Long.toHexString(System.nanoTime());
		Path dump = this.dir.resolve("linea.dump");
		run(bin.resolve("pg_dump"), "--format=custom", "--file=" + dump, libpq(live, live.getPath().substring(1)));
		assertThat(Files.size(dump)).isPositive();
		this.jdbc.sql("create database " + restoredName).update();
		try {
			run(bin.resolve("pg_restore"), "--no-owner", "--exit-on-error", "--dbname=" + libpq(live, restoredName), dump.toString());
			String restoredUrl = "jdbc:postgresql://" + live.getHost() + ":" + live.getPort() + "/" + restoredName;
			// a copy started beside the live installation must not send what the live one has still to send
			List<String> properties = new ArrayList<>(List.of("linea.db.url=" + restoredUrl, "linea.db.user=postgres", "linea.db.password=",
					"linea.outbox.enabled=false"));
			// the same keys, or the copy cannot read what it holds
			properties.addAll(keyProperties());
			try (ConfigurableApplicationContext restored = SecondNode.start(properties.toArray(String[]::new))) {
				JdbcClient copy = restored.getBean(JdbcClient.class);
				assertThat(copy.sql("select current_database()").query(String.class).single()).isEqualTo(restoredName);
				assertThat(copy.sql("select max(installed_rank) from flyway_schema_history where success").query(Integer.class).single())
					.as("Flyway found the copy up to date").isEqualTo(this.jdbc.sql("select max(installed_rank) from flyway_schema_history where success")
						.query(Integer.class).single());

				// the operator's token, the person's conversation and their message, read through the copy's API
				ApiClient api = new ApiClient(SecondNode.port(restored), token);
				JsonNode queue = this.json.readTree(api.get("/api/lines/" + line.key() + "/conversations").body());
				assertThat(queue).hasSize(1);
				long conversation = queue.get(0).get("conversationId").asLong();
				JsonNode messages = this.json.readTree(api.get("/api/conversations/" + conversation + "/messages").body());
				assertThat(messages.valueStream().map(m -> m.path("body").asString())).contains("necesito hablar con una persona");

				// the copy works on its own: the same person writes again, to the copy only
				Line copied = restored.getBean(LineService.class).findByKey(line.key()).orElseThrow();
				restored.getBean(SimulatorService.class).write(copied, new SimulatedMessageRequest(phone, "sigo aquí", null));
				eventually(() -> copy.sql("select count(*) from conversation_message where line_id = ? and direction = 'IN'")
					.param(line.id()).query(Integer.class).single() == 2, "the copy took the new message");
				assertThat(copy.sql("select count(*) from contact_contact where line_id = ?").param(line.id()).query(Integer.class).single())
					.as("the same person, found by the keyed hash of their number").isEqualTo(1);
				assertThat(this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'IN'")
					.param(line.id()).query(Integer.class).single()).as("the live database is untouched").isEqualTo(1);
			}
		}
		finally {
			this.jdbc.sql("drop database if exists " + restoredName + " with (force)").update();
		}
	}

	/** PostgreSQL 17's client tools, or the test is skipped. */
	private static Path pgClient() throws Exception {
		String configured = System.getenv("LINEA_PG_CLIENT_BIN");
		if (configured != null && Files.isExecutable(Path.of(configured, "pg_dump"))) {
			return Path.of(configured);
		}
		Path fetched = Path.of("target", "pg-client-17", "bin").toAbsolutePath();
		if (!Files.isExecutable(fetched.resolve("pg_dump"))) {
			Process script = new ProcessBuilder("bash", "scripts/pg-client-17.sh", "target/pg-client-17").redirectErrorStream(true).start();
			String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			boolean done = script.waitFor(5, TimeUnit.MINUTES) && script.exitValue() == 0;
			assumeTrue(done, "no PostgreSQL 17 pg_dump: set LINEA_PG_CLIENT_BIN, or let scripts/pg-client-17.sh reach Debian's packages\n"
					+ output);
		}
		return fetched;
	}

	private static String libpq(URI server, String database) {
		return "host=" + server.getHost() + " port=" + server.getPort() + " dbname=" + database + " user=postgres";
	}

	private static void run(Path tool, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(tool.toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(tool + " ended").isTrue();
		assertThat(process.exitValue()).as(tool.getFileName() + ": " + output).isZero();
	}

}
