package org.linea.web.throttle;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.linea.shared.crypto.KeyedHash;
import org.linea.web.SecurityProperties.Limit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL (table {@code security_rate_limit}), one per limit and subject, so every
 * node counts against the same limit and the counts survive a restart. Subjects (usernames as typed,
 * addresses, tokens) are stored only as keyed hashes.
 */
@Component
public class RateLimitStore {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final KeyedHash hash;

	RateLimitStore(DataSource dataSource, KeyedHash hash) {
		this.hash = hash;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("security_rate_limit")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			// a bucket that has filled up again is the same as no bucket: its row may go
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/** Takes one from the subject's bucket; empty means refused, with how long until one is back. */
	public Outcome take(String limitName, String subject, Limit limit) {
		ConsumptionProbe probe = bucket(limitName, subject, limit).tryConsumeAndReturnRemaining(1);
		return new Outcome(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Whether one could be taken now, without taking it. */
	public Outcome peek(String limitName, String subject, Limit limit) {
		EstimationProbe probe = bucket(limitName, subject, limit).estimateAbilityToConsume(1);
		return new Outcome(probe.canBeConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Counts one against the subject even when the bucket is already empty (a wrong password stays wrong). */
	public void count(String limitName, String subject, Limit limit) {
		bucket(limitName, subject, limit).consumeIgnoringRateLimits(1);
	}

	/** Forgets the subject's bucket: it starts full again. */
	public void forget(String limitName, String subject, Limit limit) {
		this.buckets.removeProxy(key(limitName + "/" + limit.capacity() + "/" + limit.per().toSeconds(), subject));
	}

	@Scheduled(fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
	void removeFullBuckets() {
		while (this.buckets.removeExpired(1000) == 1000) {
			// more to remove
		}
	}

	private BucketProxy bucket(String limitName, String subject, Limit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.per()))
			.build();
		// the limit's size is part of the key: a changed setting starts fresh buckets
		return this.buckets.builder()
			.build(key(limitName + "/" + limit.capacity() + "/" + limit.per().toSeconds(), subject), () -> configuration);
	}

	private String key(String limitName, String subject) {
		return limitName + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(this.hash.hash(subject));
	}

	/** @param allowed whether it was (or could be) taken; @param retryAfter when one is back, if not */
	public record Outcome(boolean allowed, Duration retryAfter) {

		/** Whole seconds for a Retry-After header, at least one. */
		public long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

	}

}
