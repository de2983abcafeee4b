package org.linea.shared.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default after {@code kill -9} of the JVM that ran it, and its durability settings. */
class EmbeddedPostgresCrashTests {

	@TempDir
	Path dir;

	@AfterEach
	void stopServer() {
		EmbeddedPostgresServer.stop(this.dir.resolve("postgres"));
	}

	@Test
	void startsOnTheFirstAttemptAfterTheJvmWasKilledAndKeepsWhatWasCommitted() throws Exception {
		Path data = this.dir.resolve("postgres");
		String committed = "acknowledged-" + UUID.randomUUID();
		Process child = startChild(data, committed);
		try {
			assertThat(awaitLine(child, "COMMITTED")).as("the child committed its row").isTrue();
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		Optional<ProcessHandle> orphan = postmaster(data);
		assertThat(orphan).as("the killed JVM left its PostgreSQL running").isPresent();

		String url = EmbeddedPostgresServer.jdbcUrl(data, false);

		assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			assertThat(values(statement, "select value from crash_test")).containsExactly(committed);
			assertThat(values(statement, "show synchronous_commit")).containsExactly("on");
			assertThat(values(statement, "show fsync")).containsExactly("on");
		}
	}

	private static Process startChild(Path data, String value) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), data.toString(), value));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** Reads the child's output until the line appears (true) or the child ends or two minutes pass. */
	private static boolean awaitLine(Process child, String expected) throws Exception {
		CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
			try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.strip().equals(expected)) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return seen.get(2, TimeUnit.MINUTES);
	}

	private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip())).filter(ProcessHandle::isAlive);
	}

	private static List<String> values(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
