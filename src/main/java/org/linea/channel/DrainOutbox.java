package org.linea.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import org.linea.access.ChannelType;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.ContactService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, at each line's rate, shared by every node.
 * <p>
 * An outbox row goes PENDING → CLAIMED (taken by a node with {@code SKIP LOCKED}, at most one per person
 * at a time, so a person's messages arrive in order) → SENDING (the provider call is under way) → SENT
 * or FAILED, or back to PENDING to retry. Each line's slots come from {@code channel_send_pace}, so
 * nodes together keep to the line's rate, and a provider's rate-limit answer pauses the line for all.
 * <p>
 * A node that stops dead leaves CLAIMED rows, which go back to PENDING when their lease ends, and
 * perhaps one SENDING row per line, whose fate only the provider knows; a call that timed out is
 * UNCONFIRMED for the same reason. The provider's status report (which echoes the row's reference)
 * marks either sent, whenever it comes. Without one within {@code confirm-wait} the row is sent once
 * more (the provider most likely never took it), or, on an at-most-once line, ends FAILED and its
 * conversation is put before operators as "reply may not have arrived".
 * <p>
 * Every change of a row's status is conditional on the status it is expected to have, so a status
 * report, a call's late answer and another node's clean-up can come in any order: once a row is SENT
 * nothing sets it back.
 */
@Component
class DrainOutbox {

	private static final Logger log = LoggerFactory.getLogger(DrainOutbox.class);

	/**
	 * Bulk messages (broadcasts) claimed per round are those the line's rate allows in this time, so a
	 * reply to someone writing in never waits behind more than this much of a campaign.
	 */
	static final Duration BULK_LOOKAHEAD = Duration.ofMillis(300);

	/**
	 * How long before a line's last reserved slot the next round is claimed: the next round's slots
	 * follow on without a gap (the claim and the reservation take place while the round is still being
	 * sent), and a line never has more than this much bulk reserved beyond the round being claimed.
	 */
	static final Duration CLAIM_AHEAD = Duration.ofMillis(100);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ChannelAdapters adapters;

	private final LineService lines;

	private final ChannelAccounts accounts;

	private final ChannelService channels;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	private final ChannelMetrics metrics;

	private final OutboxProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final ExecutorService wakeups = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-wakeup").factory());

	private final AtomicBoolean wakeupPending = new AtomicBoolean();

	/** One loop claims on this node at a time; the others' wake-ups make it claim at once. */
	private final ReentrantLock draining = new ReentrantLock();

	private final ReentrantLock gate = new ReentrantLock();

	private final Condition woken = this.gate.newCondition();

	/** Set when something was queued since the last claim: the loop claims again without waiting for its round's end. */
	private volatile boolean queued;

	/**
	 * Each line's bulk slots on this node not begun yet, in slot order: a reply takes the first of them
	 * (so it goes at once, and the line's rate holds), and the bulk row whose slot it was goes back to wait.
	 */
	private final Map<Long, ConcurrentLinkedDeque<BulkSlot>> bulkSlots = new ConcurrentHashMap<>();

	/**
	 * Bulk sends the provider took, not yet recorded: written together, one transaction for the batch,
	 * by {@link #recordAccepted()} (at most {@link #ACCEPTED_BATCH_WAIT} after the answer). Until then
	 * the row is SENDING, as it is between any answer and its recording: a node killed meanwhile leaves
	 * it to the provider's status report, which names the row.
	 */
	private final LinkedBlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();

	static final Duration ACCEPTED_BATCH_WAIT = Duration.ofMillis(50);

	private final Thread recorder = Thread.ofPlatform().name("outbox-recorder").daemon().unstarted(this::recordAcceptedLoop);

	/**
	 * Bulk sends handed to their threads and not finished. The next round waits while more than the
	 * last round's bulk is still unfinished, so a node that cannot keep up (its processor, its
	 * connections) does not pile rounds on rounds, and replies do not queue behind them.
	 */
	private final AtomicInteger bulkUnfinished = new AtomicInteger();

	private volatile int lastRoundBulk;

	/** Lines a provider asked to slow down, until when: slots already reserved are handed back instead of used. */
	private final Map<Long, Instant> pausedLines = new ConcurrentHashMap<>();

	private volatile ExecutorService workers = newWorkers();

	private final SendingMarks sendingMarks;

	private volatile boolean running;

	private volatile boolean stopping;

	DrainOutbox(JdbcClient jdbc, TransactionTemplate transactions, ChannelAdapters adapters, LineService lines,
			ChannelAccounts accounts, ChannelService channels, ContactService contacts, ApplicationEventPublisher events,
			ChannelMetrics metrics, OutboxProperties properties, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.adapters = adapters;
		this.lines = lines;
		this.accounts = accounts;
		this.channels = channels;
		this.contacts = contacts;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.sendingMarks = new SendingMarks(jdbc, clock, properties.sendTimeout());
		this.running = properties.enabled();
		if (this.running) {
			this.recorder.start();
			this.sendingMarks.start();
		}
	}

	@TransactionalEventListener
	void wakeUp(OutboxFilled filled) {
		// stopping: the rows wait in the outbox for the next node to start, as a crash would leave them
		if (!this.running || this.stopping) {
			return;
		}
		if (!filled.bulk()) {
			signal();
		}
		if (this.wakeupPending.compareAndSet(false, true)) {
			try {
				this.wakeups.execute(() -> {
					this.wakeupPending.set(false);
					drainDue();
				});
			}
			catch (RejectedExecutionException ex) {
				// stopped between the check above and here: as above (thrown here it would fail the committer's after-commit work)
			}
		}
	}

	private void signal() {
		this.gate.lock();
		try {
			this.queued = true;
			this.woken.signalAll();
		}
		finally {
			this.gate.unlock();
		}
	}

	// node-local on purpose: rows are claimed with SKIP LOCKED and leases, and a node whose outbox is off
	// (a checking copy, a test context) must not take the shared round from the nodes that send
	@Scheduled(fixedDelayString = "${linea.outbox.poll-interval:1s}")
	void drainDue() {
		// a loop already running here is woken by wakeUp; one that is just ending looks again (queued)
		while (this.running && !this.stopping && this.draining.tryLock()) {
			try {
				requeueStuck();
				Round round;
				do {
					this.queued = false;
					round = sendRound();
					// the rounds overlap: the next is claimed while this one is sent, shortly before its last slot,
					// or at once when a reply is queued
				}
				while (round.claimed() > 0 && awaitNextClaim(round.nextClaimAt()));
			}
			catch (RuntimeException ex) {
				log.error("Outbox round failed: {}", ex.getMessage(), ex);
				return;
			}
			finally {
				this.draining.unlock();
			}
			if (!this.queued) {
				return;
			}
		}
	}

	/** Waits until the next claim is due or something is queued; false when the node stops meanwhile. */
	private boolean awaitNextClaim(Instant at) {
		this.gate.lock();
		try {
			long wait;
			while (!this.queued && this.running && !this.stopping && (wait = Duration.between(Instant.now(this.clock), at).toNanos()) > 0) {
				this.woken.awaitNanos(wait);
			}
			long held = System.nanoTime();
			while (!this.queued && this.running && !this.stopping && this.bulkUnfinished.get() > Math.max(1, this.lastRoundBulk)) {
				this.woken.awaitNanos(Duration.ofMillis(5).toNanos());
			}
			if (System.nanoTime() - held > 1_000_000) {
				this.metrics.backpressure(Duration.ofNanos(System.nanoTime() - held));
			}
			return this.running && !this.stopping;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.gate.unlock();
		}
	}

	/** Finishes the messages being sent and hands the rest back to the outbox. */
	@PreDestroy
	void stop() {
		this.stopping = true;
		signal();
		this.wakeups.shutdownNow();
		this.workers.shutdown();
		try {
			this.workers.awaitTermination(this.properties.sendTimeout().toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running = false;
		this.sendingMarks.stop();
		this.recorder.interrupt();
		try {
			this.recorder.join(this.properties.sendTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		recordAccepted();
	}

	/** Stops at once, as a crash would: nothing more is written; leases and status reports sort it out. */
	void halt() {
		this.running = false;
		this.workers.shutdownNow();
		this.bulkSlots.clear();
		// what was taken but not written is lost with the node: the provider's status reports tell
		this.accepted.clear();
		signal();
	}

	/** Starts sending again after {@link #halt()}, as a restarted node would. */
	void resume() {
		this.workers = newWorkers();
		this.bulkUnfinished.set(0);
		this.running = true;
		if (this.recorder.getState() == Thread.State.NEW) {
			this.recorder.start();
		}
		this.sendingMarks.start();
	}

	private static ExecutorService newWorkers() {
		return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbox-line-", 0).factory());
	}

	/**
	 * Claims due rows and hands them to their sends, each line at its own pace. Returns how many were
	 * claimed and when to claim again: shortly before the earliest line's last slot. The sends go on
	 * meanwhile; a person's next message is not claimed while one is under way (see {@link #claim()}).
	 */
	Round sendRound() {
		List<Claimed> claimed = claim();
		Map<Long, List<Claimed>> byLine = new LinkedHashMap<>();
		claimed.stream()
			.sorted(Comparator.comparing(Claimed::bulk).thenComparingLong(Claimed::id))
			.forEach(row -> byLine.computeIfAbsent(row.lineId(), id -> new ArrayList<>()).add(row));
		List<Future<Instant>> lineRounds = byLine.values().stream().map(rows -> this.workers.submit(() -> sendLine(rows))).toList();
		Instant next = null;
		for (Future<Instant> round : lineRounds) {
			try {
				Instant lineNext = round.get();
				if (lineNext != null && (next == null || lineNext.isBefore(next))) {
					next = lineNext;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Round(0, null);
			}
			catch (ExecutionException | CancellationException ex) {
				log.error("Outbox line round failed: {}", ex.getClass().getSimpleName(), ex.getCause());
			}
		}
		this.lastRoundBulk = (int) claimed.stream().filter(Claimed::bulk).count();
		return new Round(claimed.size(), next == null ? Instant.now(this.clock) : next);
	}

	/** What a round claimed, and when the next is due. */
	record Round(int claimed, Instant nextClaimAt) {
	}

	private List<Claimed> claim() {
		Instant now = Instant.now(this.clock);
		Instant lease = now.plus(this.properties.lookahead()).plus(this.properties.sendTimeout());
		return this.transactions.execute(status -> {
			// the outbox fills in seconds from empty: with statistics of a near-empty table the planner checks each
			// candidate's earlier rows by reading the whole table once per candidate; the indexes are always right here
			this.jdbc.sql("set local enable_seqscan = off").update();
			return this.jdbc.sql("""
				with due as (
				    select o.id from channel_outbox o
				    where o.status = 'PENDING' and o.next_attempt_at <= now()
				      and not exists (select 1 from channel_outbox earlier
				                      where earlier.contact_id = o.contact_id and earlier.id < o.id
				                        and earlier.status in ('PENDING', 'CLAIMED', 'SENDING', 'UNCONFIRMED'))
				    order by o.bulk, o.id limit ? for update skip locked),
				ranked as (
				    select o.id, o.line_id, o.bulk, row_number() over (partition by o.line_id order by o.bulk, o.id) as n
				    from due join channel_outbox o on o.id = due.id)
				update channel_outbox o set status = 'CLAIMED', locked_until = ?
				from ranked r left join channel_account a on a.line_id = r.line_id
				where o.id = r.id and r.n <= greatest(1, floor(coalesce(a.send_rate, ?) * ?))
				  and (not r.bulk or r.n <= greatest(1, floor(coalesce(a.send_rate, ?) * ?)))
				returning o.id, o.line_id, o.message_id, o.contact_id, o.body, o.content::text as content, o.segments,
				          o.attempts, o.throttled, o.bulk, o.consent_purpose
				""")
			.params(this.properties.batchSize(), Timestamp.from(lease), 100, this.properties.lookahead().toMillis() / 1000.0, 100,
					Math.min(this.properties.lookahead().toMillis(), BULK_LOOKAHEAD.toMillis()) / 1000.0)
			.query(Claimed.class)
			.list();
		});
	}

	/**
	 * Hands the line's claimed rows to their sends, each at its own slot, and returns when to claim the
	 * line's next round (null: no slots were reserved). Calls overlap (at 1,000/s a call outlasts the
	 * gap between slots); a person's messages still go in order, one at a time. A provider's answer that
	 * the whole line must slow down stops the rows not yet begun, of this round and those reserved after it.
	 * <p>
	 * The consent of a round's bulk rows and everyone's number are read once for the round, at most
	 * {@link #BULK_LOOKAHEAD} plus {@link #CLAIM_AHEAD} before the last of them is sent.
	 */
	private Instant sendLine(List<Claimed> claimed) {
		Line line = this.lines.get(claimed.getFirst().lineId());
		Duration interval = Duration.ofNanos((long) (1_000_000_000 / this.accounts.sendRate(line)));
		Instant now = Instant.now(this.clock);
		ConcurrentLinkedDeque<BulkSlot> waiting = this.bulkSlots.computeIfAbsent(line.id(),
				id -> new ConcurrentLinkedDeque<>());
		for (BulkSlot head = waiting.peekFirst(); head != null && head.state.get() != BulkSlot.WAITING; head = waiting.peekFirst()) {
			waiting.pollFirst();
		}
		// replies first: each takes the first bulk slot of this node's not begun yet
		Map<Claimed, Instant> slots = new LinkedHashMap<>();
		for (Claimed reply : claimed) {
			Instant taken = reply.bulk() ? null : takeBulkSlot(waiting, now);
			if (taken != null) {
				slots.put(reply, taken);
			}
		}
		List<Claimed> rest = claimed.stream().filter(row -> !slots.containsKey(row)).toList();
		Instant claimAgainAt = null;
		if (!rest.isEmpty()) {
			Reservation reserved = reserveSlots(line.id(), line.channelType(), rest, interval, now);
			if (reserved == null && slots.isEmpty()) {
				return null;
			}
			if (reserved != null && reserved.rows().isEmpty()) {
				claimAgainAt = reserved.claimAgainAt();
			}
			else if (reserved != null) {
				for (int i = 0; i < reserved.rows().size(); i++) {
					slots.put(reserved.rows().get(i), reserved.first().plus(interval.multipliedBy(i)));
				}
				claimAgainAt = reserved.first().plus(interval.multipliedBy(reserved.rows().size() - 1)).minus(CLAIM_AHEAD);
			}
		}
		if (slots.isEmpty()) {
			return claimAgainAt;
		}
		if (claimAgainAt == null) {
			// only replies, in slots of bulk already reserved: the next round is due when those run out
			BulkSlot last = waiting.peekLast();
			claimAgainAt = last == null ? now : last.at.minus(CLAIM_AHEAD);
		}
		Recipients recipients = recipients(List.copyOf(slots.keySet()));
		List<Future<?>> sends = new ArrayList<>();
		try {
			slots.forEach((row, slot) -> {
				BulkSlot bulk = null;
				if (row.bulk()) {
					bulk = new BulkSlot(slot);
					waiting.addLast(bulk);
				}
				BulkSlot own = bulk;
				if (row.bulk()) {
					sends.add(this.workers.submit(() -> {
						try {
							sendAt(line, row, slot, recipients, own);
						}
						finally {
							this.bulkUnfinished.decrementAndGet();
						}
					}));
					this.bulkUnfinished.incrementAndGet();
				}
				else {
					sends.add(this.workers.submit(() -> sendAt(line, row, slot, recipients, own)));
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the node is going down hard: leave the rows to their leases
			sends.forEach(send -> send.cancel(true));
			waiting.clear();
			return null;
		}
		return claimAgainAt;
	}

	/** The first of these bulk slots not begun yet, now given to a reply; null when there is none. */
	private static Instant takeBulkSlot(ConcurrentLinkedDeque<BulkSlot> waiting, Instant now) {
		for (BulkSlot slot : waiting) {
			if (slot.state.compareAndSet(BulkSlot.WAITING, BulkSlot.GIVEN)) {
				return slot.at.isBefore(now) ? now : slot.at;
			}
		}
		return null;
	}

	/** A bulk row's reserved slot on this node: begun by its send, or given to a reply first. */
	private static final class BulkSlot {

		static final int WAITING = 0;

		static final int BEGUN = 1;

		static final int GIVEN = 2;

		final Instant at;

		final AtomicInteger state = new AtomicInteger(WAITING);

		BulkSlot(Instant at) {
			this.at = at;
		}

	}

	/** A round's people: who of its bulk rows still consents, and everyone's number. */
	private Recipients recipients(List<Claimed> rows) {
		Map<String, List<Long>> bulkByPurpose = new HashMap<>();
		Set<Long> bulkServiceMessages = new HashSet<>();
		for (Claimed row : rows) {
			if (row.bulk() && row.consentPurpose() == null) {
				bulkServiceMessages.add(row.contactId());
			}
			else if (row.bulk()) {
				bulkByPurpose.computeIfAbsent(row.consentPurpose(), purpose -> new ArrayList<>()).add(row.contactId());
			}
		}
		Map<String, Set<Long>> consenting = new HashMap<>();
		bulkByPurpose.forEach((purpose, ids) -> consenting.put(purpose, this.contacts.consenting(ids, purpose)));
		Set<Long> notOptedOut = this.contacts.consenting(bulkServiceMessages, null);
		Map<Long, String> addresses = this.contacts.addressesOf(rows.stream().map(Claimed::contactId).distinct().toList());
		return new Recipients(consenting, notOptedOut, addresses);
	}

	private record Recipients(Map<String, Set<Long>> consenting, Set<Long> notOptedOut, Map<Long, String> addresses) {

		boolean consents(Claimed row) {
			return row.consentPurpose() == null ? this.notOptedOut.contains(row.contactId())
					: this.consenting.getOrDefault(row.consentPurpose(), Set.of()).contains(row.contactId());
		}

	}

	private void sendAt(Line line, Claimed row, Instant slot, Recipients recipients, BulkSlot bulkSlot) {
		try {
			sleepUntil(slot);
			if (bulkSlot != null && !bulkSlot.state.compareAndSet(BulkSlot.WAITING, BulkSlot.BEGUN)) {
				// a reply took this slot: the row waits for the next round
				unclaim(List.of(row), null);
				return;
			}
			if (bulkSlot != null) {
				this.metrics.sendLag(line.channelType(), Duration.between(slot, Instant.now(this.clock)));
			}
			Instant paused = this.pausedLines.get(line.id());
			if (paused != null && !paused.isAfter(Instant.now(this.clock))) {
				this.pausedLines.remove(line.id(), paused);
				paused = null;
			}
			if (this.stopping || paused != null) {
				unclaim(List.of(row), paused != null ? paused : Instant.now(this.clock));
				return;
			}
			if (!this.sendingMarks.mark(row.id())) {
				return;
			}
			SendResult result = sendOne(line, row, recipients);
			if (row.bulk() && result instanceof SendResult.Accepted taken) {
				this.metrics.sendAttempt(line.channelType(), result.getClass().getSimpleName());
				this.accepted.add(new Accepted(line, row, taken, Instant.now(this.clock)));
				return;
			}
			this.transactions.executeWithoutResult(status -> record(line, row, result));
			if (!row.bulk()) {
				// the person's next message (a reply in parts, a second answer) may be claimed now
				signal();
			}
			if (result instanceof SendResult.Throttled throttled && throttled.wholeLine()) {
				Instant resumeAt = Instant.now(this.clock).plus(throttleWait(throttled, row));
				this.pausedLines.merge(line.id(), resumeAt, (a, b) -> b.isAfter(a) ? b : a);
				pause(line.id(), resumeAt);
			}
		}
		catch (InterruptedException ex) {
			// the node is going down hard: leave the row to its lease
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reserves the line's next slots; null (rows handed back) when the line is paused beyond the
	 * lookahead. When the line already has bulk reserved beyond the next claim (another node's round,
	 * or a round claimed early for a reply), this round's bulk rows are handed back and only its replies
	 * keep their slots, so a line's reserved bulk never grows.
	 */
	private Reservation reserveSlots(long lineId, ChannelType channelType, List<Claimed> claimed, Duration interval, Instant now) {
		return this.transactions.execute(status -> {
			Instant next = this.jdbc.sql("""
					insert into channel_send_pace (line_id, next_slot_at) values (?, ?)
					on conflict (line_id) do update set line_id = excluded.line_id
					returning next_slot_at
					""").params(lineId, Timestamp.from(now)).query(Timestamp.class).single().toInstant();
			if (next.isAfter(now.plus(this.properties.lookahead()))) {
				// this round's rows only: rows of rounds still under way (this node's or another's) keep their slots
				unclaim(claimed, next);
				return null;
			}
			List<Claimed> rows = claimed;
			if (next.isAfter(now.plus(interval).plus(CLAIM_AHEAD.multipliedBy(2)))) {
				List<Claimed> bulk = claimed.stream().filter(Claimed::bulk).toList();
				unclaim(bulk, null);
				rows = claimed.stream().filter(row -> !row.bulk()).toList();
			}
			if (rows.isEmpty()) {
				return new Reservation(null, rows, next.minus(interval).minus(CLAIM_AHEAD));
			}
			Instant first = next.isBefore(now) ? now : next;
			if (next.isBefore(now) && next.isAfter(now.minus(this.properties.lookahead()))) {
				// the line was busy until just now: the time between its last slot and this round's first went unused
				this.metrics.slotsMissed(channelType, Duration.between(next, now));
			}
			this.jdbc.sql("update channel_send_pace set next_slot_at = ? where line_id = ?")
				.params(Timestamp.from(first.plus(interval.multipliedBy(rows.size()))), lineId)
				.update();
			return new Reservation(first, rows, null);
		});
	}

	/** A line's slots for a round: the first, for these rows; or none yet, and when to claim again. */
	private record Reservation(Instant first, List<Claimed> rows, Instant claimAgainAt) {
	}

	private void sleepUntil(Instant slot) throws InterruptedException {
		long wait = Duration.between(Instant.now(this.clock), slot).toMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
	}

	private SendResult sendOne(Line line, Claimed row, Recipients recipients) throws InterruptedException {
		try {
			OutboundContent content = row.content() == null ? OutboundContent.text(row.body())
					: this.json.readValue(row.content(), OutboundContent.class);
			if (row.bulk() && !recipients.consents(row)) {
				return new SendResult.Failed(BulkMessage.OPTED_OUT, "The person opted out or withdrew consent after this was queued");
			}
			if (content.freeForm() && !this.channels.replyWindow(line, row.contactId()).open()) {
				return new SendResult.Failed("WINDOW_CLOSED", "More than 24 hours since the person last wrote: only a template may be sent");
			}
			ChannelAdapter.Delivery delivery = new ChannelAdapter.Delivery(row.id(), address(row, recipients), content);
			return this.adapters.of(line.channelType()).send(line, delivery);
		}
		catch (RuntimeException ex) {
			log.warn("Send failed line={} outbox={}: {}", line.key(), row.id(), ex.getClass().getSimpleName());
			return new SendResult.Retry(ex.getClass().getSimpleName(), null);
		}
	}

	private String address(Claimed row, Recipients recipients) {
		String address = recipients.addresses().get(row.contactId());
		// none read for the round: the contact's own look-up says why (erased, unknown)
		return address != null ? address : this.contacts.addressOf(row.contactId());
	}

	private void record(Line line, Claimed row, SendResult result) {
		Instant now = Instant.now(this.clock);
		this.metrics.sendAttempt(line.channelType(), result.getClass().getSimpleName());
		switch (result) {
			case SendResult.Accepted accepted -> {
				this.channels.lockProviderId(line.id(), accepted.providerMessageId());
				// a status report may have marked it sent already, under this same id: the answer only completes the row
				int recorded = this.jdbc.sql("""
						update channel_outbox set status = 'SENT', provider_message_id = ?, sent_at = coalesce(sent_at, ?),
						    locked_until = null, last_error = null
						where id = ? and (provider_message_id is null or provider_message_id = ?)
						""").params(accepted.providerMessageId(), Timestamp.from(now), row.id(), accepted.providerMessageId()).update();
				if (recorded == 0) {
					log.warn("Provider took outbox={} line={} again after an earlier send was confirmed", row.id(), line.key());
					return;
				}
				if (row.segments() != null) {
					this.metrics.smsSegments(line.channelType(), row.segments());
				}
				this.events.publishEvent(new MessageStatusChanged(row.messageId(), row.lineId(), accepted.status(), now, null));
				this.channels.reportsFor(line.id(), accepted.providerMessageId())
					.forEach(report -> this.events.publishEvent(
							new MessageStatusChanged(row.messageId(), row.lineId(), report.status(), report.at(), report.errorCode())));
			}
			case SendResult.Throttled throttled -> {
				Duration wait = throttleWait(throttled, row);
				updateWhileSending(row, line, throttled.errorCode(), """
						update channel_outbox set status = 'PENDING', attempts = attempts - 1, throttled = throttled + 1,
						    next_attempt_at = ?, locked_until = null, last_error = ? where id = ? and status = 'SENDING'
						""", Timestamp.from(now.plus(wait)), throttled.errorCode(), row.id());
				log.info("Provider asked to slow down line={} outbox={} code={} wait={}ms", line.key(), row.id(),
						throttled.errorCode(), wait.toMillis());
			}
			case SendResult.Retry retry when "TIMEOUT".equals(retry.error()) ->
				// the provider may have taken it: its status report, which names this row, decides (see reconcileUnconfirmed)
				updateWhileSending(row, line, retry.error(), """
						update channel_outbox set status = 'UNCONFIRMED', locked_until = ?, last_error = ?
						where id = ? and status = 'SENDING'
						""", Timestamp.from(now.plus(this.properties.confirmWait())), retry.error(), row.id());
			case SendResult.Retry retry when row.attempts() + 1 < this.properties.maxAttempts() -> {
				Duration wait = retry.retryAfter() != null ? retry.retryAfter() : backoff(row.attempts() + 1, this.properties.initialBackoff());
				updateWhileSending(row, line, retry.error(), """
						update channel_outbox set status = 'PENDING', next_attempt_at = ?, locked_until = null, last_error = ?
						where id = ? and status = 'SENDING'
						""", Timestamp.from(now.plus(wait)), retry.error(), row.id());
			}
			case SendResult.Retry retry -> fail(row, line, "RETRIES_EXHAUSTED", retry.error(), now);
			case SendResult.Failed failed -> fail(row, line, failed.errorCode(), failed.reason(), now);
		}
	}

	private void recordAcceptedLoop() {
		boolean interrupted = false;
		while (!interrupted) {
			List<Accepted> batch = new ArrayList<>();
			try {
				Accepted first = this.accepted.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				Thread.sleep(ACCEPTED_BATCH_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				// stopping: what was taken is still written (by stop() for what comes after)
				interrupted = true;
			}
			try {
				this.accepted.drainTo(batch, 1000);
				if (!batch.isEmpty()) {
					recordAccepted(batch);
				}
			}
			catch (RuntimeException ex) {
				log.error("Recording accepted bulk sends failed: {}", ex.getMessage(), ex);
			}
		}
	}

	/** Records what is waiting (at a graceful stop). */
	private void recordAccepted() {
		List<Accepted> batch = new ArrayList<>();
		this.accepted.drainTo(batch);
		if (!batch.isEmpty()) {
			recordAccepted(batch);
		}
	}

	/**
	 * Records a batch of bulk sends the provider took, as {@link #record} does one by one: under each
	 * provider id's lock (against a status report), SENT with the provider's id unless a report already
	 * gave it another, then the reports that came first.
	 */
	private void recordAccepted(List<Accepted> batch) {
		Map<Long, List<Accepted>> byLine = new LinkedHashMap<>();
		batch.stream()
			.sorted(Comparator.comparingLong(sent -> sent.row().id()))
			.forEach(sent -> byLine.computeIfAbsent(sent.line().id(), id -> new ArrayList<>()).add(sent));
		byLine.forEach((lineId, sends) -> {
			try {
				recordAccepted(lineId, sends);
			}
			catch (RuntimeException ex) {
				// e.g. chosen as a deadlock's victim: nothing of the batch was written; each row on its own
				// then, a few times, so no send the provider took is left to look unconfirmed (and be sent again)
				log.warn("Recording {} accepted bulk sends together failed ({}): one by one", sends.size(), ex.getClass().getSimpleName());
				for (Accepted sent : sends) {
					for (int attempt = 1;; attempt++) {
						try {
							recordAccepted(lineId, List.of(sent));
							break;
						}
						catch (RuntimeException again) {
							if (attempt == 3) {
								log.error("Recording accepted outbox={} failed: {}", sent.row().id(), again.getMessage(), again);
								break;
							}
						}
					}
				}
			}
		});
	}

	private void recordAccepted(long lineId, List<Accepted> sends) {
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from unnest(?::text[]) as k")
				.param(sends.stream().map(sent -> lineId + ":" + sent.result().providerMessageId()).sorted().toArray(String[]::new))
				.query(Long.class)
				.single();
			Set<Long> recorded = new HashSet<>(this.jdbc.sql("""
					update channel_outbox o set status = 'SENT', provider_message_id = s.pid, sent_at = coalesce(o.sent_at, s.at),
					    locked_until = null, last_error = null
					from unnest(?::bigint[], ?::text[], ?::timestamptz[]) as s(id, pid, at)
					where o.id = s.id and (o.provider_message_id is null or o.provider_message_id = s.pid)
					returning o.id
					""")
				.params(sends.stream().map(sent -> sent.row().id()).toArray(Long[]::new),
						sends.stream().map(sent -> sent.result().providerMessageId()).toArray(String[]::new),
						sends.stream().map(sent -> Timestamp.from(sent.at())).toArray(Timestamp[]::new))
				.query(Long.class)
				.list());
			Line line = sends.getFirst().line();
			Map<DeliveryStatus, List<Accepted>> byStatus = new EnumMap<>(DeliveryStatus.class);
			for (Accepted sent : sends) {
				if (!recorded.contains(sent.row().id())) {
					log.warn("Provider took outbox={} line={} again after an earlier send was confirmed", sent.row().id(), line.key());
					continue;
				}
				if (sent.row().segments() != null) {
					this.metrics.smsSegments(line.channelType(), sent.row().segments());
				}
				byStatus.computeIfAbsent(sent.result().status(), s -> new ArrayList<>()).add(sent);
			}
			byStatus.forEach((delivery, taken) -> this.events.publishEvent(new BulkMessagesAccepted(lineId, delivery,
					taken.stream().map(Accepted::at).max(Instant::compareTo).orElseThrow(),
					taken.stream().map(sent -> sent.row().messageId()).toList())));
			Map<String, Long> messageIds = new HashMap<>();
			sends.stream().filter(sent -> recorded.contains(sent.row().id()))
				.forEach(sent -> messageIds.put(sent.result().providerMessageId(), sent.row().messageId()));
			if (!messageIds.isEmpty()) {
				this.jdbc.sql("""
						select provider_message_id, status, occurred_at, error_code from channel_delivery_report
						where line_id = ? and provider_message_id = any(?) order by occurred_at
						""").params(lineId, messageIds.keySet().toArray(String[]::new))
					.query((rs, n) -> new MessageStatusChanged(messageIds.get(rs.getString(1)), lineId, DeliveryStatus.valueOf(rs.getString(2)),
							rs.getTimestamp(3).toInstant(), rs.getString(4)))
					.list()
					.forEach(this.events::publishEvent);
			}
		});
	}

	private record Accepted(Line line, Claimed row, SendResult.Accepted result, Instant at) {
	}

	/**
	 * Applies a call's outcome to a row still SENDING. A row that is no longer (a status report marked
	 * it sent while the call was under way) keeps its status; the call's answer is only noted on it.
	 */
	private void updateWhileSending(Claimed row, Line line, String outcome, String sql, Object... params) {
		if (this.jdbc.sql(sql).params(params).update() == 0) {
			this.jdbc.sql("update channel_outbox set last_error = ? where id = ? and status = 'SENT'")
				.params(outcome + ": the call's answer came after the provider's status report confirmed it", row.id())
				.update();
			log.info("Late answer {} for outbox={} line={}: already confirmed, not sent again", outcome, row.id(), line.key());
		}
	}

	private void fail(Claimed row, Line line, String code, String reason, Instant now) {
		int failed = this.jdbc.sql("update channel_outbox set status = 'FAILED', locked_until = null, last_error = ? where id = ? and status = 'SENDING'")
			.params(code + ": " + reason, row.id())
			.update();
		if (failed == 0) {
			log.info("Late answer {} for outbox={} line={}: already confirmed", code, row.id(), line.key());
			return;
		}
		this.events.publishEvent(new MessageStatusChanged(row.messageId(), row.lineId(), DeliveryStatus.FAILED, now, code));
		log.warn("Message not delivered line={} outbox={} code={}", line.key(), row.id(), code);
	}

	/** Meta suggests 4^n seconds for a recipient's pair limit; the line's own limit uses the usual backoff. */
	private Duration throttleWait(SendResult.Throttled throttled, Claimed row) {
		if (throttled.retryAfter() != null) {
			return throttled.retryAfter();
		}
		return throttled.wholeLine() ? backoff(row.throttled() + 1, this.properties.initialBackoff())
				: backoff(row.throttled() + 1, Duration.ofSeconds(1)).multipliedBy(1L << Math.min(row.throttled(), 8));
	}

	private void pause(long lineId, Instant until) {
		this.jdbc.sql("update channel_send_pace set next_slot_at = greatest(next_slot_at, ?) where line_id = ?")
			.params(Timestamp.from(until), lineId)
			.update();
	}

	/** @param dueAt null: as due as before */
	private void unclaim(List<Claimed> rows, Instant dueAt) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update channel_outbox set status = 'PENDING', locked_until = null, next_attempt_at = coalesce(?::timestamptz, next_attempt_at)
				where id = any(?) and status = 'CLAIMED'
				""")
			.params(dueAt == null ? null : Timestamp.from(dueAt), rows.stream().map(Claimed::id).toArray(Long[]::new))
			.update();
	}

	/** Exponential backoff with jitter: between half and all of {@code initial * 2^(attempt-1)}. */
	static Duration backoff(int attempt, Duration initial) {
		long base = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 16);
		long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
		return Duration.ofMillis(base / 2 + jitter);
	}

	private void requeueStuck() {
		int requeued = this.jdbc.sql("update channel_outbox set status = 'PENDING', locked_until = null where status = 'CLAIMED' and locked_until < now()")
			.update();
		if (requeued > 0) {
			log.warn("Requeued {} outbox messages claimed by a stopped node", requeued);
		}
		reconcileUnconfirmed();
	}

	/**
	 * Sends whose outcome is unknown and for which no status report came in time: a node stopped during
	 * the call (its SENDING lease ran out) or the call timed out (UNCONFIRMED past {@code confirm-wait}).
	 * Each is sent once more, except on at-most-once lines and when it already was: those end FAILED
	 * and their conversations go before operators. Conditional updates: one node wins each row.
	 */
	void reconcileUnconfirmed() {
		String[] atMostOnce = this.properties.atMostOnceLines().toArray(String[]::new);
		int resent = this.jdbc.sql("""
				update channel_outbox o set status = 'PENDING', locked_until = null, next_attempt_at = now(), resent_unconfirmed = true,
				    last_error = 'LINEA_UNCONFIRMED: no status report came; sent once more'
				from admin_line l
				where l.id = o.line_id and o.status in ('SENDING', 'UNCONFIRMED') and o.locked_until < now()
				  and o.provider_message_id is null and not o.resent_unconfirmed
				  and not ('*' = any(?::text[]) or l.line_key = any(?::text[]))
				""").params(atMostOnce, atMostOnce).update();
		if (resent > 0) {
			log.warn("Sending {} unconfirmed outbox messages once more: no status report came", resent);
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				update channel_outbox set status = 'FAILED', locked_until = null,
				    last_error = 'LINEA_UNCONFIRMED: the provider call got no answer and no status report came'
				where status in ('SENDING', 'UNCONFIRMED') and locked_until < now() and provider_message_id is null
				returning id, message_id, line_id
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list().forEach(row -> {
			this.events.publishEvent(new MessageStatusChanged(row[1], row[2], DeliveryStatus.FAILED, now, "LINEA_UNCONFIRMED"));
			this.events.publishEvent(new DeliveryInDoubt(row[1], row[2], now));
			log.warn("Message left unconfirmed, shown to operators line={} outbox={}", row[2], row[0]);
		});
	}

	record Claimed(long id, long lineId, long messageId, long contactId, String body, String content, Integer segments,
			int attempts, int throttled, boolean bulk, String consentPurpose) {
	}

}
