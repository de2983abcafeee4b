package org.linea.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges an operator watches for a line falling behind: messages stored but not yet processed, due
 * outgoing messages and how late the oldest of them is. They are read from the database (so every node
 * shows the installation's figures), at most once per {@link #FRESH_FOR} however often it is scraped.
 */
@Component
class QueueGauges {

	static final Duration FRESH_FOR = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(0, 0, 0, Instant.EPOCH);

	QueueGauges(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("linea.inbound.pending", this, g -> g.fresh().inboundPending())
			.description("Inbound messages stored and acknowledged but not yet processed")
			.register(registry);
		Gauge.builder("linea.outbox.due", this, g -> g.fresh().outboxDue())
			.description("Outgoing messages due to be sent now")
			.register(registry);
		Gauge.builder("linea.outbox.lag", this, g -> g.fresh().outboxLagSeconds())
			.description("How long the oldest due outgoing message has been waiting")
			.baseUnit("seconds")
			.register(registry);
	}

	private Snapshot fresh() {
		Instant now = this.clock.instant();
		Snapshot current = this.snapshot;
		if (current.takenAt().plus(FRESH_FOR).isAfter(now)) {
			return current;
		}
		Snapshot taken = read(now);
		this.snapshot = taken;
		return taken;
	}

	Snapshot read(Instant now) {
		long pending = this.jdbc.sql("select count(*) from channel_inbound_message where processed_at is null")
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				select count(*), coalesce(extract(epoch from (? - min(next_attempt_at))), 0)
				from channel_outbox where status = 'PENDING' and next_attempt_at <= ?
				""")
			.param(java.sql.Timestamp.from(now))
			.param(java.sql.Timestamp.from(now))
			.query((rs, row) -> new Snapshot(pending, rs.getLong(1), Math.max(0, rs.getDouble(2)), now))
			.single();
	}

	record Snapshot(long inboundPending, long outboxDue, double outboxLagSeconds, Instant takenAt) {
	}

}
