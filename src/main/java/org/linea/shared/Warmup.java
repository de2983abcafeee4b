package org.linea.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Start-up work that answering people needs but starting does not wait for (learning the safeguarding
 * model, reading the closing survey's form): each piece runs on a thread of its own while the rest of
 * the application starts, and whoever needs its result waits for it ({@link CompletableFuture#join()}),
 * so a message is never read before the model is learned. The readiness probe includes this indicator
 * ({@code management.endpoint.health.group.readiness.include}): OUT_OF_SERVICE while any piece is still
 * running, DOWN when one failed, so a proxy sends no traffic to a node still warming.
 */
@Component("warmup")
public class Warmup implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(Warmup.class);

	private final Map<String, CompletableFuture<?>> work = new ConcurrentHashMap<>();

	/** Starts {@code work} now on a thread of its own; its result, or its failure, when it ends. */
	public <T> CompletableFuture<T> start(String name, Supplier<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		this.work.put(name, result);
		Thread.ofPlatform().name("warmup-" + name).daemon().start(() -> {
			long started = System.nanoTime();
			try {
				result.complete(work.get());
				log.info("Warm-up {} done ({} ms)", name, (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException | Error ex) {
				log.error("Warm-up {} failed: Linea cannot answer until it is fixed and restarted", name, ex);
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	@Override
	public Health health() {
		List<String> failed = names(future -> future.isCompletedExceptionally());
		if (!failed.isEmpty()) {
			return Health.down().withDetail("failed", failed).build();
		}
		List<String> running = names(future -> !future.isDone());
		return running.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("warming", running).build();
	}

	private List<String> names(java.util.function.Predicate<CompletableFuture<?>> which) {
		return this.work.entrySet().stream().filter(e -> which.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
	}

}
