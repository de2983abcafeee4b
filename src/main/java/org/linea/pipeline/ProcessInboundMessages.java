package org.linea.pipeline;

import org.linea.pipeline.InboundPipelineJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.linea.channel.ChannelService;
import org.linea.channel.InboundMessageStored;
import org.linea.channel.WebhookWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the pipeline off the provider's request: right after a message is stored and, as a safety net,
 * on a schedule for anything stored but not processed (a node that crashed, a failed attempt). On
 * restart the first scheduled round picks up what was left.
 */
@Component
@ConditionalOnProperty(name = "linea.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class ProcessInboundMessages implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessInboundMessages.class);

	private static final Duration GRACE = Duration.ofSeconds(3);

	private static final Duration STOP_WAIT = Duration.ofSeconds(20);

	private static final long YIELD_STEP = Duration.ofMillis(2).toNanos();

	private final InboundPipeline pipeline;

	private final ChannelService channels;

	private final Clock clock;

	private final int workerCount;

	private volatile ExecutorService workers;

	private final WebhookWriter webhooks;

	private final Duration yieldAtMost;

	private volatile boolean started;

	private volatile boolean stopping;

	/**
	 * @param workers threads processing what was just stored: on a small machine, fewer leave more of the
	 * CPU to acknowledging webhooks (a burst then drains later, from the stored backlog)
	 * @param yieldAtMost how long a message waits for the webhooks on this node to be answered before it is
	 * processed anyway: under a sustained burst processing goes on at a trickle, and at full speed once it ends.
	 * Kept well under a second: during a broadcast its status callbacks keep calls waiting nearly all the time, and
	 * a person writing in meanwhile must still be answered within a second (issue 11)
	 */
	ProcessInboundMessages(InboundPipeline pipeline, ChannelService channels, Clock clock, WebhookWriter webhooks,
			@Value("${linea.pipeline.workers:4}") int workers, @Value("${linea.pipeline.yield-at-most:250ms}") Duration yieldAtMost) {
		this.pipeline = pipeline;
		this.channels = channels;
		this.clock = clock;
		this.webhooks = webhooks;
		this.yieldAtMost = yieldAtMost;
		this.workerCount = workers;
		this.workers = newWorkers();
	}

	private ExecutorService newWorkers() {
		return Executors.newFixedThreadPool(this.workerCount, Thread.ofPlatform().name("inbound-", 0).daemon().factory());
	}

	/**
	 * Hands a stored message to a worker once its transaction commits. Not a {@code @TransactionalEventListener}:
	 * Spring Modulith keeps a registry row for every such listener of every event (an insert in the webhook
	 * writer's batch, a delete after its commit), and that took 44 % of the writer's CPU with processing on
	 * (JFR, bench/README "Ingest", session 10). The stored message is the durable row already: one whose
	 * hand-off is lost with a node is processed by the recovery round ({@link #processLeftovers}).
	 */
	@EventListener
	void stored(InboundMessageStored event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					handOver(event);
				}
			});
		}
		else {
			handOver(event);
		}
	}

	private void handOver(InboundMessageStored event) {
		if (this.stopping) {
			// stored: the first recovery round after the next start processes it
			return;
		}
		try {
			this.workers.execute(() -> process(event.inboundId()));
		}
		catch (RejectedExecutionException ex) {
			// stopped meanwhile: as above (thrown here it would fail the writer's batch after its commit)
		}
	}

	/**
	 * A round of the recurring task in {@link InboundPipelineJob}: the leftovers are processed by the workers, at
	 * most one each at a time, so a backlog (a node that was down for days) drains at the pool's pace instead of one
	 * thread's, and a message stored meanwhile waits behind no more than one leftover per worker. The round ends
	 * when its messages have been processed, so the next one never hands out the same message twice.
	 */
	void processLeftovers() {
		Semaphore free = new Semaphore(this.workerCount);
		try {
			for (long id : this.channels.unprocessed(Instant.now(this.clock).minus(GRACE), 500)) {
				free.acquire();
				if (this.stopping || !handOverLeftover(id, free)) {
					free.release();
					break;
				}
			}
			free.acquire(this.workerCount);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Recovery round failed: {}", ex.getMessage(), ex);
		}
	}

	private boolean handOverLeftover(long id, Semaphore free) {
		try {
			this.workers.execute(() -> {
				try {
					process(id);
				}
				finally {
					free.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			// stopped meanwhile: the next start's round takes it
			return false;
		}
	}

	private void process(long inboundId) {
		if (this.stopping) {
			return;
		}
		yieldToWebhooks();
		try {
			this.pipeline.process(inboundId);
		}
		catch (RuntimeException ex) {
			log.error("Processing inbound={} failed, will retry: {}", inboundId, ex.getClass().getSimpleName(), ex);
			this.channels.markAttemptFailed(inboundId, ex.getClass().getSimpleName());
		}
	}

	/**
	 * Waits while webhook calls are waiting to be acknowledged (a person's message at normal traffic
	 * waits not at all): acknowledging is what the provider times, processing can come a moment later.
	 * No lock or connection is held meanwhile.
	 */
	private void yieldToWebhooks() {
		long until = System.nanoTime() + this.yieldAtMost.toNanos();
		while (!this.stopping && this.webhooks.callsWaiting() && System.nanoTime() - until < 0) {
			LockSupport.parkNanos(YIELD_STEP);
		}
	}

	@Override
	public void start() {
		// a stopped context can be started again (Spring's test contexts are paused and resumed so)
		if (this.workers.isShutdown()) {
			this.workers = newWorkers();
		}
		this.stopping = false;
		this.started = true;
	}

	@Override
	public boolean isRunning() {
		return this.started && !this.stopping;
	}

	/**
	 * The pipeline stops taking work first, with the whole context still up: what is being processed ends
	 * (its replies reach the outbox, which stops after, as lifecycles stop before any bean is destroyed
	 * and the connection pool closes), what waits is left stored for the next start's recovery round.
	 */
	@Override
	public void stop() {
		this.stopping = true;
		// not interrupted: a message half processed ends as it would; the waiting ones see the flag and pass
		this.workers.shutdown();
		try {
			if (!this.workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Inbound processing still running {} after stop: left to the recovery round of the next start", STOP_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Before every other lifecycle (the web server's graceful shutdown, the scheduler): webhooks stay answered meanwhile. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
