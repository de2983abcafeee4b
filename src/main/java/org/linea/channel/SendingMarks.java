package org.linea.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks claimed outbox rows SENDING just before their provider calls, the marks of sends that fall
 * together in one commit. A send still begins only once its own row is durably SENDING, so the line
 * between "perhaps sent" and "not sent" stays per row; what changes is that sends a few milliseconds
 * apart share one disk flush instead of waiting for one each (at 1,000/s those flushes were most of
 * the database's time).
 */
final class SendingMarks {

	private static final Logger log = LoggerFactory.getLogger(SendingMarks.class);

	private static final int MAX_BATCH = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lease;

	private final LinkedBlockingQueue<Wanted> wanted = new LinkedBlockingQueue<>();

	private final Thread writer = Thread.ofPlatform().name("outbox-sending-marks").daemon().unstarted(this::writeLoop);

	SendingMarks(JdbcClient jdbc, Clock clock, Duration lease) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lease = lease;
	}

	void start() {
		if (this.writer.getState() == Thread.State.NEW) {
			this.writer.start();
		}
	}

	/** Stops writing: marks still asked for are refused (their rows stay CLAIMED until their lease ends). */
	void stop() {
		if (this.writer.getState() == Thread.State.NEW) {
			// a node whose outbox is off never started it (joining it would throw)
			return;
		}
		this.writer.interrupt();
		try {
			this.writer.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		refuseWaiting();
	}

	/**
	 * Marks the row SENDING, committed when this returns true; false when it is no longer CLAIMED (a
	 * status report, a cancel or another node's clean-up came first) or the mark could not be written.
	 */
	boolean mark(long outboxId) throws InterruptedException {
		if (!this.writer.isAlive()) {
			return false;
		}
		Wanted mark = new Wanted(outboxId, new CompletableFuture<>());
		this.wanted.add(mark);
		while (true) {
			try {
				return mark.marked().get(1, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				return false;
			}
			catch (TimeoutException ex) {
				if (!this.writer.isAlive() && mark.marked().complete(false)) {
					return false;
				}
			}
		}
	}

	private void writeLoop() {
		while (!Thread.currentThread().isInterrupted()) {
			List<Wanted> batch = new ArrayList<>();
			try {
				batch.add(this.wanted.take());
			}
			catch (InterruptedException ex) {
				break;
			}
			this.wanted.drainTo(batch, MAX_BATCH - 1);
			write(batch);
		}
		refuseWaiting();
	}

	private void write(List<Wanted> batch) {
		try {
			Set<Long> marked = new HashSet<>(this.jdbc.sql("""
					update channel_outbox set status = 'SENDING', attempts = attempts + 1, locked_until = ?
					where id = any(?) and status = 'CLAIMED'
					returning id
					""")
				.params(Timestamp.from(Instant.now(this.clock).plus(this.lease)), batch.stream().map(Wanted::outboxId).toArray(Long[]::new))
				.query(Long.class)
				.list());
			batch.forEach(mark -> mark.marked().complete(marked.contains(mark.outboxId())));
		}
		catch (RuntimeException ex) {
			log.warn("Marking {} outbox rows SENDING failed ({}): they wait for their lease", batch.size(), ex.getClass().getSimpleName());
			batch.forEach(mark -> mark.marked().complete(false));
		}
	}

	private void refuseWaiting() {
		List<Wanted> left = new ArrayList<>();
		this.wanted.drainTo(left);
		left.forEach(mark -> mark.marked().complete(false));
	}

	private record Wanted(long outboxId, CompletableFuture<Boolean> marked) {
	}

}
