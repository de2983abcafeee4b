package org.linea.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.audience.AudienceQuery;
import org.linea.audience.AudienceService;
import org.linea.channel.BulkMessage;
import org.linea.channel.ChannelAccounts;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.channel.OutboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds running broadcasts into the outbox a little at a time: never more than the line sends in
 * {@link #BUFFER}, so a pause takes effect at once and replies to people writing in (which the outbox
 * sends first) never queue behind a campaign. Each person's turn is checked when it comes: consent
 * and opt-out now, the weekly cap, quiet hours, WhatsApp's window (text inside, template outside) and
 * the number's 24-hour limit, which pauses the broadcast until it frees up.
 * <p>
 * A recipient joins the outbox and is marked SENDING in one transaction, and the outbox holds each
 * recipient's message once ({@link BulkMessage}): a node killed at any point leaves either both or
 * neither, and the outbox's own rules (the provider's acceptance decides) do the rest.
 */
@Component
class BroadcastSender {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);

	/** How much of the line's sending the outbox holds ahead of time. */
	static final Duration BUFFER = Duration.ofSeconds(2);

	/** Text is sent only while the window stays open at least this long, so it never closes while the message waits. */
	static final Duration WINDOW_MARGIN = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LineService lines;

	private final ChannelService channels;

	private final ChannelAccounts accounts;

	private final AudienceService audiences;

	private final BroadcastService broadcasts;

	private final BroadcastContent content;

	private final BroadcastSettingsStore settings;

	private final OutboxProperties outbox;

	private final Clock clock;

	private final Map<Long, BroadcastContent.Contents> contents = new ConcurrentHashMap<>();

	BroadcastSender(JdbcClient jdbc, TransactionTemplate transactions, LineService lines, ChannelService channels,
			ChannelAccounts accounts, AudienceService audiences, BroadcastService broadcasts, BroadcastContent content,
			BroadcastSettingsStore settings, OutboxProperties outbox, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lines = lines;
		this.channels = channels;
		this.accounts = accounts;
		this.audiences = audiences;
		this.broadcasts = broadcasts;
		this.content = content;
		this.settings = settings;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${linea.broadcasts.feed-interval:200ms}")
	void feedAll() {
		if (!this.outbox.enabled()) {
			return;
		}
		try {
			startDue();
			List<Long> lineIds = this.jdbc.sql("select distinct line_id from broadcast_campaign where status = 'RUNNING'")
				.query(Long.class)
				.list();
			for (long lineId : lineIds) {
				this.transactions.executeWithoutResult(status -> feed(this.lines.get(lineId)));
			}
		}
		catch (RuntimeException ex) {
			log.error("Broadcast round failed: {}", ex.getMessage(), ex);
		}
	}

	/** Scheduled broadcasts whose time came, and those that waited for the number's daily limit. */
	private void startDue() {
		this.jdbc.sql("""
				update broadcast_campaign set status = 'RUNNING', pause_reason = null, resume_at = null
				where status = 'PAUSED' and pause_reason = 'DAILY_LIMIT' and resume_at <= now()
				""").update();
		for (long id : this.jdbc.sql("select id from broadcast_campaign where status = 'SCHEDULED' and start_at <= now()")
			.query(Long.class)
			.list()) {
			this.transactions.executeWithoutResult(status -> {
				Optional<Long> locked = this.jdbc.sql("select line_id from broadcast_campaign where id = ? and status = 'SCHEDULED' for update skip locked")
					.param(id)
					.query(Long.class)
					.optional();
				locked.ifPresent(lineId -> {
					Line line = this.lines.get(lineId);
					this.broadcasts.list(line, this.broadcasts.read(id, line));
				});
			});
		}
	}

	/** One top-up of the line's share of the outbox. Returns how many people joined it. */
	int feed(Line line) {
		if (!this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))").param("broadcast-feed:" + line.id())
			.query(Boolean.class)
			.single()) {
			return 0; // another node feeds this line now
		}
		Instant now = Instant.now(this.clock);
		BroadcastSettings rules = this.settings.of(line);
		if (rules.quiet(now, line.timeZone())) {
			return 0;
		}
		int target = (int) Math.max(20, Math.ceil(this.accounts.sendRate(line) * BUFFER.toMillis() / 1000.0));
		long waiting = this.jdbc.sql("select count(*) from channel_outbox where line_id = ? and bulk and status in ('PENDING', 'CLAIMED')")
			.param(line.id())
			.query(Long.class)
			.single();
		if (waiting >= target / 2) {
			return 0;
		}
		int room = (int) (target - waiting);
		Reach reach = reach(line, rules);
		int fed = 0;
		for (long campaign : this.jdbc.sql("select id from broadcast_campaign where line_id = ? and status = 'RUNNING' order by id")
			.param(line.id())
			.query(Long.class)
			.list()) {
			if (room - fed <= 0) {
				break;
			}
			fed += feed(line, campaign, room - fed, rules, reach, now);
		}
		return fed;
	}

	private int feed(Line line, long campaign, int room, BroadcastSettings rules, Reach reach, Instant now) {
		Broadcast broadcast = this.broadcasts.read(campaign, line);
		BroadcastContent.Contents message = this.contents.computeIfAbsent(campaign, id -> this.content.of(line, broadcast.message()));
		List<Turn> turns = turns(line, broadcast, room);
		if (turns.isEmpty()) {
			complete(campaign);
			return 0;
		}
		Map<RecipientStatus, List<Long>> settled = new EnumMap<>(RecipientStatus.class);
		List<BulkMessage> sends = new ArrayList<>();
		for (Turn turn : turns) {
			if (!turn.consented()) {
				settled.computeIfAbsent(RecipientStatus.SKIPPED_OPTED_OUT, s -> new ArrayList<>()).add(turn.id());
				continue;
			}
			if (!broadcast.kind().service() && turn.recent() >= rules.weeklyCap()) {
				settled.computeIfAbsent(RecipientStatus.SKIPPED_FREQUENCY_CAP, s -> new ArrayList<>()).add(turn.id());
				continue;
			}
			boolean windowOpen = this.channels.replyWindowAfter(line, turn.lastInbound()).openFor(WINDOW_MARGIN);
			Optional<OutboundContent.Text> text = message.text(turn.language(), line.defaultLanguage());
			OutboundContent send = windowOpen && text.isPresent() ? text.get() : message.template();
			if (send == null) {
				settled.computeIfAbsent(RecipientStatus.SKIPPED_WINDOW_CLOSED, s -> new ArrayList<>()).add(turn.id());
				continue;
			}
			if (!turn.reached() && !reach.take()) {
				pauseForDailyLimit(line, campaign);
				break;
			}
			sends.add(new BulkMessage(turn.id(), line.id(), turn.contactId(), broadcast.consentPurpose(), send));
		}
		settled.forEach((status, ids) -> this.jdbc.sql("update broadcast_recipient set status = ?, updated_at = now() where id = any(?)")
			.params(status.name(), ids.toArray(Long[]::new))
			.update());
		if (!sends.isEmpty()) {
			this.jdbc.sql("update broadcast_recipient set status = 'SENDING', enqueued_at = ?, updated_at = now() where id = any(?)")
				.params(Timestamp.from(now), sends.stream().map(BulkMessage::reference).toArray(Long[]::new))
				.update();
			this.channels.enqueueBulk(sends);
		}
		return sends.size();
	}

	/** The next people waiting, with what their turn depends on, locked so no other node takes them. */
	private List<Turn> turns(Line line, Broadcast broadcast, int limit) {
		AudienceQuery audience = this.audiences.query(line, broadcast.audience());
		List<Object> params = new ArrayList<>();
		params.add(line.defaultLanguage());
		String consented = "exists (" + audience.sql() + " and c.id = r.contact_id)";
		if (broadcast.kind().service()) {
			// a service message: anyone not opted out nor erased
			consented = "(c.opted_out_at is null and c.erased_at is null and c.phone_encrypted is not null)";
		}
		else {
			params.addAll(audience.params());
		}
		params.add(broadcast.id());
		params.add(limit);
		// "reached" reads the person's own recent turns (as "recent" does): asked by line and day, the planner
		// walked every recipient the line reached today for each person, most of a top-up's time at 1,000/s
		return this.jdbc.sql("""
				select r.id, r.contact_id, coalesce(c.language, ?) as language,
				    %s as consented,
				    (select count(*) from broadcast_recipient p where p.contact_id = r.contact_id and p.enqueued_at > now() - interval '7 days') as recent,
				    coalesce((select bool_or(p.line_id = r.line_id and p.enqueued_at > now() - interval '1 day')
				              from broadcast_recipient p where p.contact_id = r.contact_id and p.enqueued_at > now() - interval '7 days'),
				             false) as reached,
				    (select max(cc.last_inbound_at) from conversation_conversation cc where cc.contact_id = r.contact_id) as last_inbound
				from broadcast_recipient r join contact_contact c on c.id = r.contact_id
				where r.campaign_id = ? and r.status = 'QUEUED'
				order by r.id limit ? for update of r skip locked
				""".formatted(consented))
			.params(params)
			.query((rs, row) -> new Turn(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("language"), rs.getBoolean("consented"),
					rs.getInt("recent"), rs.getBoolean("reached"),
					rs.getTimestamp("last_inbound") == null ? null : rs.getTimestamp("last_inbound").toInstant()))
			.list();
	}

	/** Unique people the number reached in the last 24 hours, against its limit. */
	private Reach reach(Line line, BroadcastSettings rules) {
		if (rules.dailyLimit() == null) {
			return new Reach(Integer.MAX_VALUE, 0);
		}
		long reached = this.jdbc.sql("""
				select count(distinct contact_id) from broadcast_recipient where line_id = ? and enqueued_at > now() - interval '1 day'
				""").param(line.id()).query(Long.class).single();
		return new Reach(rules.dailyLimit(), (int) reached);
	}

	/** Waits until the oldest reach of the last 24 hours falls out of the window (the next day), then resumes by itself. */
	private void pauseForDailyLimit(Line line, long campaign) {
		this.jdbc.sql("""
				update broadcast_campaign set status = 'PAUSED', pause_reason = 'DAILY_LIMIT',
				    resume_at = coalesce((select min(enqueued_at) from broadcast_recipient
				                          where line_id = ? and enqueued_at > now() - interval '1 day'), now()) + interval '1 day'
				where id = ? and status = 'RUNNING'
				""").params(line.id(), campaign).update();
		log.info("Broadcast {} on line {} paused: the number's 24-hour limit is reached", campaign, line.key());
	}

	private void complete(long campaign) {
		this.jdbc.sql("""
				update broadcast_campaign set status = 'COMPLETED', finished_at = now()
				where id = ? and status = 'RUNNING' and not exists (select 1 from broadcast_recipient where campaign_id = ? and status = 'QUEUED')
				""").params(campaign, campaign).update();
		this.contents.remove(campaign);
	}

	private record Turn(long id, long contactId, String language, boolean consented, int recent, boolean reached, Instant lastInbound) {
	}

	/** The number's remaining reach this round. */
	private static final class Reach {

		private final int limit;

		private int reached;

		Reach(int limit, int reached) {
			this.limit = limit;
			this.reached = reached;
		}

		boolean take() {
			if (this.reached >= this.limit) {
				return false;
			}
			this.reached++;
			return true;
		}

	}

}
