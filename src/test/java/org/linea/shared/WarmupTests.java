package org.linea.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmupTests {

	@Test
	void notReadyWhileWorkRunsThenUpWithItsResult() throws Exception {
		Warmup warmup = new Warmup();
		assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> model = warmup.start("model", () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return "learned";
		});
		assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(warmup.health().getDetails()).containsEntry("warming", java.util.List.of("model"));
		release.countDown();
		assertThat(model.join()).isEqualTo("learned");
		assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenWorkFailsAndWhoeverWaitsIsTold() {
		Warmup warmup = new Warmup();
		CompletableFuture<String> broken = warmup.start("broken", () -> {
			throw new IllegalStateException("bad examples");
		});
		assertThatThrownBy(broken::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("bad examples");
		assertThat(warmup.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(warmup.health().getDetails()).containsEntry("failed", java.util.List.of("broken"));
	}

}
