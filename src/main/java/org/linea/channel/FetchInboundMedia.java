package org.linea.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.ContactKeys;
import org.linea.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Downloads media people sent, with the line's credentials, and stores it encrypted. Rows are claimed
 * with SKIP LOCKED and a lease, so nodes share the work; failures are retried a few times with
 * backoff, media over the size limit is refused at once.
 */
@Component
class FetchInboundMedia {

	private static final Logger log = LoggerFactory.getLogger(FetchInboundMedia.class);

	private static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LineService lines;

	private final ChannelAdapters adapters;

	private final FieldCipher cipher;

	private final ContactKeys keys;

	private final ChannelProperties properties;

	private final Clock clock;

	private final ExecutorService wakeups = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("media-wakeup").factory());

	FetchInboundMedia(JdbcClient jdbc, TransactionTemplate transactions, LineService lines, ChannelAdapters adapters,
			FieldCipher cipher, ContactKeys keys, ChannelProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lines = lines;
		this.adapters = adapters;
		this.cipher = cipher;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener
	void wakeUp(InboundMedia.MediaAwaited awaited) {
		this.wakeups.execute(this::fetchDue);
	}

	// node-local on purpose: rows are claimed with SKIP LOCKED and leases, and a node whose outbox is off
	// (a checking copy, a test context) must not take the shared round from the nodes that send
	@Scheduled(fixedDelayString = "${linea.channel.media-poll-interval:5s}")
	void fetchDue() {
		try {
			List<Pending> due;
			do {
				due = claim();
				due.forEach(this::fetch);
			}
			while (!due.isEmpty());
		}
		catch (RuntimeException ex) {
			log.error("Media round failed: {}", ex.getClass().getSimpleName(), ex);
		}
	}

	@PreDestroy
	void stop() {
		this.wakeups.shutdownNow();
	}

	private List<Pending> claim() {
		Instant lease = Instant.now(this.clock).plus(this.properties.providerTimeout().multipliedBy(4));
		return this.transactions.execute(status -> this.jdbc.sql("""
				update channel_media m set attempts = m.attempts + 1, next_attempt_at = ?
				where m.id in (select id from channel_media where status = 'PENDING' and next_attempt_at <= now()
				               order by id limit 10 for update skip locked)
				returning m.id, m.line_id, m.provider_ref, m.attempts, m.data_key_id
				""").param(Timestamp.from(lease)).query(Pending.class).list());
	}

	private void fetch(Pending media) {
		Line line = this.lines.get(media.lineId());
		try {
			ChannelAdapter.FetchedMedia fetched = this.adapters.of(line.channelType())
				.fetchMedia(line, media.providerRef(), this.properties.maxMediaSize().toBytes());
			this.jdbc.sql("""
					update channel_media set status = 'STORED', content_type = ?, size_bytes = ?, data_encrypted = ?,
					    stored_at = now(), last_error = null where id = ?
					""").params(fetched.contentType(), fetched.data().length, media.dataKeyId() == null ? this.cipher.encrypt(fetched.data())
							: this.keys.encrypt(media.dataKeyId(), fetched.data()), media.id()).update();
		}
		catch (ChannelAdapter.MediaFetchException ex) {
			boolean again = ex.retry() && media.attempts() < MAX_ATTEMPTS;
			this.jdbc.sql("update channel_media set status = ?, last_error = ?, next_attempt_at = ? where id = ?")
				.params(again ? "PENDING" : "FAILED", ex.code(),
						Timestamp.from(Instant.now(this.clock).plus(Duration.ofSeconds(5L << media.attempts()))), media.id())
				.update();
			log.warn("Media not fetched line={} media={} code={} retry={}", line.key(), media.id(), ex.code(), again);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Pending(long id, long lineId, String providerRef, int attempts, Long dataKeyId) {
	}

}
