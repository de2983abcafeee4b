package org.linea.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.contact.ContactService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends what the outbox holds. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * nodes drain one outbox without sending a message twice; a row left "sending" by a crashed node is
 * retried after {@code sendTimeout} with the same idempotency key.
 */
@Component
class DrainOutbox {

	private static final Logger log = LoggerFactory.getLogger(DrainOutbox.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<ChannelType, ChannelAdapter> adapters = new EnumMap<>(ChannelType.class);

	private final LineService lines;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	private final OutboxProperties properties;

	private final Clock clock;

	private final ExecutorService wakeups = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-wakeup").factory());

	private final AtomicBoolean wakeupPending = new AtomicBoolean();

	DrainOutbox(JdbcClient jdbc, TransactionTemplate transactions, List<ChannelAdapter> adapters, LineService lines,
			ContactService contacts, ApplicationEventPublisher events, OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		adapters.forEach(adapter -> this.adapters.put(adapter.type(), adapter));
		this.lines = lines;
		this.contacts = contacts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener
	void wakeUp(OutboxFilled filled) {
		if (this.wakeupPending.compareAndSet(false, true)) {
			this.wakeups.execute(() -> {
				this.wakeupPending.set(false);
				drainDue();
			});
		}
	}

	@Scheduled(fixedDelayString = "${linea.outbox.poll-interval:1s}")
	void drainDue() {
		try {
			requeueStuck();
			while (sendBatch() == this.properties.batchSize()) {
				// a full batch: there may be more due right away
			}
		}
		catch (RuntimeException ex) {
			log.error("Outbox round failed: {}", ex.getMessage(), ex);
		}
	}

	@PreDestroy
	void stop() {
		this.wakeups.shutdownNow();
	}

	/** One round: claim due rows, send each, record the outcome. Returns how many were claimed. */
	int sendBatch() {
		List<Claimed> claimed = this.transactions.execute(status -> this.jdbc.sql("""
				update channel_outbox o
				set status = 'SENDING', attempts = o.attempts + 1, locked_until = ?
				where o.id in (select id from channel_outbox
				               where status = 'PENDING' and next_attempt_at <= now()
				               order by id limit ? for update skip locked)
				returning o.id, o.line_id, o.message_id, o.contact_id, o.body, o.media_ref, o.attempts
				""")
			.params(Timestamp.from(Instant.now(this.clock).plus(this.properties.sendTimeout())), this.properties.batchSize())
			.query(Claimed.class)
			.list());
		claimed.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(this::send);
		return claimed.size();
	}

	private void send(Claimed row) {
		Line line = this.lines.get(row.lineId());
		SendResult result;
		try {
			ChannelAdapter adapter = this.adapters.get(line.channelType());
			if (adapter == null) {
				result = new SendResult.Failed("NO_ADAPTER", "No channel adapter for " + line.channelType());
			}
			else {
				String to = this.contacts.addressOf(row.contactId());
				result = adapter.send(line, new ChannelAdapter.Delivery(row.id(), to, row.body(), row.mediaRef()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Send failed line={} outbox={}: {}", line.key(), row.id(), ex.getClass().getSimpleName());
			result = new SendResult.Retry(ex.getClass().getSimpleName(), null);
		}
		SendResult outcome = result;
		this.transactions.executeWithoutResult(status -> record(row, outcome));
	}

	private void record(Claimed row, SendResult result) {
		Instant now = Instant.now(this.clock);
		switch (result) {
			case SendResult.Accepted accepted -> {
				this.jdbc.sql("""
						update channel_outbox set status = 'SENT', provider_message_id = ?, sent_at = ?, locked_until = null,
						    last_error = null where id = ?
						""").params(accepted.providerMessageId(), Timestamp.from(now), row.id()).update();
				this.events.publishEvent(new MessageStatusChanged(row.messageId(), row.lineId(), accepted.status(), now, null));
			}
			case SendResult.Retry retry when row.attempts() < this.properties.maxAttempts() -> {
				Duration wait = retry.retryAfter() != null ? retry.retryAfter() : backoff(row.attempts());
				this.jdbc.sql("""
						update channel_outbox set status = 'PENDING', next_attempt_at = ?, locked_until = null, last_error = ?
						where id = ?
						""").params(Timestamp.from(now.plus(wait)), retry.error(), row.id()).update();
			}
			case SendResult.Retry retry -> fail(row, "RETRIES_EXHAUSTED", retry.error(), now);
			case SendResult.Failed failed -> fail(row, failed.errorCode(), failed.reason(), now);
		}
	}

	private void fail(Claimed row, String code, String reason, Instant now) {
		this.jdbc.sql("update channel_outbox set status = 'FAILED', locked_until = null, last_error = ? where id = ?")
			.params(code + ": " + reason, row.id())
			.update();
		this.events.publishEvent(new MessageStatusChanged(row.messageId(), row.lineId(), DeliveryStatus.FAILED, now, code));
		log.warn("Message not delivered line={} outbox={} code={}", row.lineId(), row.id(), code);
	}

	private Duration backoff(int attempts) {
		long base = this.properties.initialBackoff().toMillis() << Math.min(attempts - 1, 16);
		long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
		return Duration.ofMillis(base / 2 + jitter);
	}

	private void requeueStuck() {
		int requeued = this.jdbc.sql("""
				update channel_outbox set status = 'PENDING', locked_until = null
				where status = 'SENDING' and locked_until < now()
				""").update();
		if (requeued > 0) {
			log.warn("Requeued {} outbox messages left sending by a stopped node", requeued);
		}
	}

	record Claimed(long id, long lineId, long messageId, long contactId, String body, String mediaRef, int attempts) {
	}

}
