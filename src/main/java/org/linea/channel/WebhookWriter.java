package org.linea.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.linea.access.Line;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Group commit for provider webhooks: the request threads hand what a call carries to a writer,
 * which stores everything waiting in one transaction and one commit, then answers each caller. A
 * caller gets its answer only after the commit that holds its call, so "acknowledged means stored"
 * holds as with one transaction per call; under load, hundreds of calls share one commit instead of
 * each waiting for its own, and the webhooks take a few database connections however many arrive, so
 * processing and sending cannot starve them of connections and they cannot starve processing.
 * <p>
 * A batch is stored set-based ({@link WebhookBatchStore}: one statement per kind of row for all its
 * calls). A batch that fails as a whole (a call that breaks a constraint, a deadlock with the outbox) is
 * rolled back and its calls are stored again one transaction each, so one bad call fails alone.
 * When the writer is behind by more than {@code linea.channel.ingest-queue} calls, or a call waits
 * longer than {@code linea.channel.ingest-timeout}, the provider gets 503 and delivers again later;
 * such a call may still be stored, and its repetition is then recognised as a duplicate.
 */
@Component
public class WebhookWriter {

	private static final Logger log = LoggerFactory.getLogger(WebhookWriter.class);

	private final ChannelService channels;

	private final WebhookBatchStore batches;

	private final TransactionTemplate transactions;

	private final ChannelProperties properties;

	private final List<Lane> lanes = new ArrayList<>();

	private volatile boolean stopping;

	/** Calls handed to a writer and not answered yet. */
	private final AtomicInteger waiting = new AtomicInteger();

	WebhookWriter(ChannelService channels, WebhookBatchStore batches, TransactionTemplate transactions, ChannelProperties properties) {
		this.channels = channels;
		this.batches = batches;
		this.transactions = transactions;
		this.properties = properties;
		for (int i = 0; i < properties.ingestWriters(); i++) {
			this.lanes.add(new Lane(i));
		}
	}

	/**
	 * Stores one webhook call as {@link ChannelService#ingest} does, and returns once it is committed.
	 * Throws what storing threw, or 503 when the writer is overloaded.
	 */
	public List<ReceiveResult> store(Line line, String rawPayload, String contentType, List<InboundMessage> messages,
			List<DeliveryReport> reports) {
		Call call = new Call(new WebhookCall(line, rawPayload, contentType, messages, reports), new CompletableFuture<>());
		this.waiting.incrementAndGet();
		try {
			if (this.stopping || !this.lanes.get(Math.floorMod(call.webhook().routing().hashCode(), this.lanes.size())).queue.offer(call)) {
				throw overloaded();
			}
			return call.result().get(this.properties.ingestTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw overloaded();
		}
		catch (TimeoutException ex) {
			log.warn("Webhook not stored within {}: answered 503 line={}", this.properties.ingestTimeout(), line.key());
			throw overloaded();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	/**
	 * Whether a webhook call on this node is waiting to be stored and answered. Work that can wait
	 * (processing what was stored) gives way meanwhile, so on a small machine the provider's calls get
	 * the CPU first and a burst is answered at once, then processed from the stored backlog.
	 */
	public boolean callsWaiting() {
		return this.waiting.get() > 0;
	}

	private static ResponseStatusException overloaded() {
		return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Busy: deliver again later");
	}

	/**
	 * Stores these calls as one batch, as a writer stores what is waiting, and returns what became of
	 * each (for tests: under load the writers form such batches themselves).
	 */
	List<CompletableFuture<List<ReceiveResult>>> writeTogether(List<WebhookCall> calls) {
		List<Call> batch = calls.stream().map(webhook -> new Call(webhook, new CompletableFuture<List<ReceiveResult>>())).toList();
		write(batch);
		return batch.stream().map(Call::result).toList();
	}

	private void write(List<Call> batch) {
		// a call alone is stored set-based too (three statements where ChannelService#ingest takes four): under load
		// a writer often finds a single call waiting (a third of the stored calls in a JFR of processing on)
		if (batch.size() > 1 || this.properties.ingestSetBased()) {
			try {
				List<List<ReceiveResult>> results = this.transactions.execute(status -> this.properties.ingestSetBased()
						? this.batches.store(batch.stream().map(Call::webhook).toList())
						: batch.stream().map(this::ingest).toList());
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).result().complete(results.get(i));
				}
				return;
			}
			catch (RuntimeException ex) {
				log.info("Webhook batch of {} rolled back ({}): storing its calls one by one", batch.size(), ex.getClass().getSimpleName());
			}
		}
		for (Call call : batch) {
			try {
				call.result().complete(this.transactions.execute(status -> ingest(call)));
			}
			catch (RuntimeException ex) {
				call.result().completeExceptionally(ex);
			}
		}
	}

	private List<ReceiveResult> ingest(Call call) {
		WebhookCall webhook = call.webhook();
		return this.channels.ingest(webhook.line(), webhook.rawPayload(), webhook.contentType(), webhook.messages(), webhook.reports());
	}

	/**
	 * One writer with its own queue. A person's calls (and a provider message's reports) always go to
	 * the same writer, so two writers never wait on each other's locks for them.
	 */
	private final class Lane {

		private final BlockingQueue<Call> queue = new ArrayBlockingQueue<>(WebhookWriter.this.properties.ingestQueue());

		private final Thread thread;

		Lane(int number) {
			this.thread = Thread.ofPlatform().name("webhook-writer-" + number).daemon().start(this::run);
		}

		private void run() {
			List<Call> batch = new ArrayList<>();
			while (!WebhookWriter.this.stopping || !this.queue.isEmpty()) {
				try {
					Call first = this.queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					this.queue.drainTo(batch, WebhookWriter.this.properties.ingestBatch() - 1);
					write(batch);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (Throwable ex) {
					log.error("Webhook writer round failed: {}", ex.getClass().getSimpleName(), ex);
					batch.forEach(call -> call.result().completeExceptionally(ex));
				}
				finally {
					batch.clear();
				}
			}
			this.queue.forEach(call -> call.result().completeExceptionally(overloaded()));
		}

	}

	/** Stores what is already waiting, refuses what comes after. */
	@PreDestroy
	void stop() throws InterruptedException {
		this.stopping = true;
		for (Lane lane : this.lanes) {
			lane.thread.join(this.properties.ingestTimeout().toMillis());
		}
	}

	private record Call(WebhookCall webhook, CompletableFuture<List<ReceiveResult>> result) {
	}

}
