package org.linea.channel;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBackoffTests {

	@Test
	void eachRetryWaitsBetweenHalfAndAllOfTheDoubledWait() {
		Duration initial = Duration.ofSeconds(2);
		for (int attempt = 1; attempt <= 6; attempt++) {
			long full = initial.toMillis() << (attempt - 1);
			for (int sample = 0; sample < 200; sample++) {
				assertThat(DrainOutbox.backoff(attempt, initial).toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
			}
		}
	}

	@Test
	void theWaitStopsGrowingInsteadOfOverflowing() {
		Duration far = DrainOutbox.backoff(1_000, Duration.ofMillis(100));
		assertThat(far).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100L << 16));
	}

}
