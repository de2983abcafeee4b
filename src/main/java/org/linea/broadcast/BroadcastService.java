package org.linea.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.audience.Audience;
import org.linea.audience.AudienceQuery;
import org.linea.audience.ConsentPurpose;
import org.linea.audience.AudienceService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Broadcasts: created as drafts, started (now or at their start time), paused, resumed, cancelled.
 * Starting lists the audience as it is then, one row per person, in one statement; {@link BroadcastSender}
 * then feeds the outbox from that list.
 */
@Service
public class BroadcastService {

	private final JdbcClient jdbc;

	private final LineService lines;

	private final AudienceService audiences;

	private final BroadcastContent content;

	private final JsonMapper json;

	private final Clock clock;

	BroadcastService(JdbcClient jdbc, LineService lines, AudienceService audiences, BroadcastContent content, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.audiences = audiences;
		this.content = content;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public long create(String lineKey, BroadcastRequest request) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		refuseClosed(line);
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			throw new InvalidRequestException("error.broadcast.broadcast-name-most-200");
		}
		if (request.audience() == null || request.message() == null) {
			throw new InvalidRequestException("error.broadcast.broadcast-audience-message");
		}
		request.audience().validated();
		this.content.of(line, request.message());
		LineaUser me = CurrentUser.require();
		return insert(line, request, me.id(), null);
	}

	/**
	 * A broadcast to people the caller chose (an announcement's raisers, a closing line's recent writers),
	 * listed now and started (or scheduled for {@code startAt}). The caller has checked the user's access.
	 * Each person is listed once: those the kind may not write to are listed already settled
	 * ({@code SKIPPED_OPTED_OUT}, {@code SKIPPED_NO_CONSENT}) so the broadcast counts them; the others wait
	 * their turn, when consent, opt-out, caps, quiet hours and the reply window are checked again as for any broadcast.
	 */
	@Transactional
	public Listed createListed(Line line, CampaignKind kind, String name, BroadcastMessage message, Collection<Long> contactIds,
			Instant startAt) {
		if (!kind.listedAtCreation()) {
			throw new IllegalArgumentException(kind + " broadcasts list their audience when they start");
		}
		if (kind != CampaignKind.CLOSURE) {
			refuseClosed(line);
		}
		this.content.of(line, message);
		Long createdBy = CurrentUser.find().map(LineaUser::id).orElse(null);
		Audience consent = Audience.of(ConsentPurpose.BROADCASTS);
		long id = insert(line, new BroadcastRequest(name, consent, message, startAt), createdBy, null);
		this.jdbc.sql("update broadcast_campaign set kind = ? where id = ?").params(kind.name(), id).update();
		List<Object> params = new ArrayList<>(List.of(id, line.id()));
		String consented = "true";
		if (!kind.service()) {
			AudienceQuery audience = this.audiences.query(line, consent);
			consented = "exists (" + audience.sql() + " and c.id = p.id)";
			params.addAll(audience.params());
		}
		params.add(contactIds.stream().distinct().sorted().toArray(Long[]::new));
		params.add(line.id());
		this.jdbc.sql("""
				insert into broadcast_recipient (campaign_id, line_id, contact_id, status)
				select ?, ?, p.id, case when p.opted_out_at is not null then 'SKIPPED_OPTED_OUT'
				                        when %s then 'QUEUED' else 'SKIPPED_NO_CONSENT' end
				from contact_contact p where p.id = any(?) and p.line_id = ? and p.erased_at is null and p.phone_encrypted is not null
				order by p.id on conflict (campaign_id, contact_id) do nothing
				""".formatted(consented)).params(params).update();
		Map<RecipientStatus, Long> skipped = new EnumMap<>(RecipientStatus.class);
		this.jdbc.sql("select status, count(*) from broadcast_recipient where campaign_id = ? and status <> 'QUEUED' group by status")
			.param(id)
			.query((rs, row) -> skipped.put(RecipientStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		List<Long> queued = this.jdbc.sql("select contact_id from broadcast_recipient where campaign_id = ? and status = 'QUEUED' order by contact_id")
			.param(id)
			.query(Long.class)
			.list();
		this.jdbc.sql("update broadcast_campaign set recipients = (select count(*) from broadcast_recipient where campaign_id = ?) where id = ?")
			.params(id, id)
			.update();
		if (startAt != null && startAt.isAfter(Instant.now(this.clock))) {
			setStatus(id, CampaignStatus.SCHEDULED, null);
		}
		else {
			list(line, read(id, line));
		}
		return new Listed(id, queued.size(), Map.copyOf(skipped), List.copyOf(queued));
	}

	/**
	 * A broadcast listed at creation.
	 *
	 * @param recipients people waiting to be sent it
	 * @param skipped people listed but not to be sent it, by status (SKIPPED_NO_CONSENT, SKIPPED_OPTED_OUT)
	 * @param contactIds the people waiting to be sent it
	 */
	public record Listed(long id, int recipients, Map<RecipientStatus, Long> skipped, List<Long> contactIds) {

		public long skippedTotal() {
			return this.skipped.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** A closed line (its exit strategy) writes first no more. */
	private void refuseClosed(Line line) {
		if (line.closed(Instant.now(this.clock))) {
			throw new InvalidRequestException("error.broadcast.line-closed", line.key());
		}
	}

	/** A draft on the line, for a user already checked or for a schedule (which names whoever set it up). */
	long insert(Line line, BroadcastRequest request, Long createdBy, Long scheduleId) {
		return this.jdbc.sql("""
				insert into broadcast_campaign (line_id, name, audience, message, status, start_at, created_by, schedule_id)
				values (?, ?, ?::jsonb, ?::jsonb, 'DRAFT', ?, ?, ?) returning id
				""")
			.params(line.id(), request.name().strip(), this.json.writeValueAsString(request.audience()),
					this.json.writeValueAsString(request.message()), request.startAt() == null ? null : Timestamp.from(request.startAt()),
					createdBy, scheduleId)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Broadcast get(long id) {
		Line line = lineOf(id);
		return read(id, line);
	}

	/** The line's broadcasts, newest first. */
	@Transactional(readOnly = true)
	public List<Broadcast> list(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		return this.jdbc.sql("select id from broadcast_campaign where line_id = ? order by created_at desc, id desc limit 100")
			.param(line.id())
			.query(Long.class)
			.list()
			.stream()
			.map(id -> read(id, line))
			.toList();
	}

	/** People listed at creation and not skipped who speak this language (people of no language count as the default one's). */
	long listedSpeaking(long id, String language, String defaultLanguage) {
		return this.jdbc.sql("""
				select count(*) from broadcast_recipient r join contact_contact c on c.id = r.contact_id
				where r.campaign_id = ? and r.status not like 'SKIPPED%' and r.status <> 'CANCELLED' and coalesce(c.language, ?) = ?
				""").params(id, defaultLanguage, language).query(Long.class).single();
	}

	/** Failed recipients by the provider's reason (error code), most frequent first. */
	@Transactional(readOnly = true)
	public Map<String, Long> failures(long id) {
		lineOf(id);
		Map<String, Long> failures = new LinkedHashMap<>();
		this.jdbc.sql("""
				select coalesce(reason, 'UNKNOWN'), count(*) from broadcast_recipient where campaign_id = ? and status = 'FAILED'
				group by 1 order by 2 desc, 1
				""").param(id).query((rs, row) -> failures.put(rs.getString(1), rs.getLong(2))).list();
		return failures;
	}

	/** People not on WhatsApp (131026) by what happened to their SMS: QUEUED, SENT, DELIVERED, FAILED, SKIPPED_... */
	@Transactional(readOnly = true)
	public Map<String, Long> smsFallbacks(long id) {
		lineOf(id);
		Map<String, Long> fallbacks = new LinkedHashMap<>();
		this.jdbc.sql("""
				select fallback_status, count(*) from broadcast_recipient where campaign_id = ? and fallback_status is not null
				group by 1 order by 1
				""").param(id).query((rs, row) -> fallbacks.put(rs.getString(1), rs.getLong(2))).list();
		return fallbacks;
	}

	@Transactional
	public Broadcast start(long id) {
		Line line = lineOf(id);
		Broadcast broadcast = lockedRead(id, line, Set.of(CampaignStatus.DRAFT));
		if (broadcast.startAt() != null && broadcast.startAt().isAfter(Instant.now(this.clock))) {
			setStatus(id, CampaignStatus.SCHEDULED, null);
		}
		else {
			list(line, broadcast);
		}
		return read(id, line);
	}

	@Transactional
	public Broadcast pause(long id) {
		Line line = lineOf(id);
		lockedRead(id, line, Set.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED));
		setStatus(id, CampaignStatus.PAUSED, "USER");
		pullBack(id);
		return read(id, line);
	}

	@Transactional
	public Broadcast resume(long id) {
		Line line = lineOf(id);
		Broadcast broadcast = lockedRead(id, line, Set.of(CampaignStatus.PAUSED));
		if (broadcast.startedAt() == null) {
			list(line, broadcast);
		}
		else {
			// refused while its template is not approved (the provider paused or disabled it)
			this.content.of(line, broadcast.message());
			setStatus(id, CampaignStatus.RUNNING, null);
		}
		return read(id, line);
	}

	/**
	 * Pauses the line's running and scheduled broadcasts that send this template (by its name or Twilio
	 * label, in its language), with the reason; their messages not yet handed to the outbox's sender wait.
	 * @return how many were paused
	 */
	@Transactional
	int pauseForTemplate(long lineId, String name, String label, String language, String reason) {
		List<Long> paused = this.jdbc.sql("""
				update broadcast_campaign set status = 'PAUSED', pause_reason = ?, resume_at = null
				where line_id = ? and status in ('RUNNING', 'SCHEDULED')
				  and message -> 'template' ->> 'name' in (?, ?)
				  and (message -> 'template' ->> 'language' is null or lower(message -> 'template' ->> 'language') = lower(?))
				returning id
				""")
			.params(reason, lineId, name, label == null ? name : label, language)
			.query(Long.class)
			.list();
		paused.forEach(this::pullBack);
		return paused.size();
	}

	@Transactional
	public Broadcast cancel(long id) {
		Line line = lineOf(id);
		lockedRead(id, line, Set.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED));
		return cancelLocked(id, line);
	}

	/**
	 * Cancels the broadcast unless it has finished: decided under its row lock, so a broadcast that completes
	 * while the caller looks at it (a closure notice to a line with nobody to tell) is left as it ended.
	 */
	@Transactional
	public Broadcast cancelUnlessFinished(long id) {
		Line line = lineOf(id);
		Broadcast broadcast = lockedRead(id, line, EnumSet.allOf(CampaignStatus.class));
		return broadcast.status().finished() ? broadcast : cancelLocked(id, line);
	}

	private Broadcast cancelLocked(long id, Line line) {
		pullBack(id);
		// in id order, as every multi-row update of recipients locks them (see BroadcastDeliveries#recordAccepted)
		this.jdbc.sql("""
				update broadcast_recipient set status = 'CANCELLED', updated_at = now()
				where id in (select id from broadcast_recipient where campaign_id = ? and status = 'QUEUED' order by id for update)
				""")
			.param(id)
			.update();
		this.jdbc.sql("update broadcast_campaign set status = 'CANCELLED', finished_at = now(), pause_reason = null where id = ?")
			.param(id)
			.update();
		return read(id, line);
	}

	/**
	 * Lists the audience as it is now, one row per person; a broadcast listed already (a node retried)
	 * gains nobody twice. Called by a user or by the sender when a scheduled broadcast is due.
	 */
	void list(Line line, Broadcast broadcast) {
		this.content.of(line, broadcast.message());
		if (broadcast.kind().listedAtCreation()) {
			this.jdbc.sql("update broadcast_campaign set status = 'RUNNING', pause_reason = null, started_at = coalesce(started_at, now()) where id = ?")
				.param(broadcast.id())
				.update();
			return;
		}
		AudienceQuery audience = this.audiences.query(line, broadcast.audience());
		List<Object> params = new java.util.ArrayList<>();
		params.add(broadcast.id());
		params.add(line.id());
		params.addAll(audience.params());
		int listed = this.jdbc.sql("insert into broadcast_recipient (campaign_id, line_id, contact_id) select ?, ?, a.id from ("
				+ audience.sql() + ") a order by a.id on conflict (campaign_id, contact_id) do nothing").params(params).update();
		this.jdbc.sql("""
				update broadcast_campaign set status = 'RUNNING', pause_reason = null, started_at = coalesce(started_at, now()),
				    recipients = recipients + ? where id = ?
				""").params(listed, broadcast.id()).update();
	}

	/**
	 * Takes back the broadcast's messages the outbox has not begun to send: they wait again. A message
	 * the sender holds at this moment (being claimed) is left to it, not waited for: a pause or cancel
	 * never waits on the sender's rows while holding the campaign's (a cancel during a 1,000/s campaign
	 * was seen in a deadlock with the recording of accepted sends), and the sender goes on with it anyway.
	 */
	private void pullBack(long id) {
		this.jdbc.sql("""
				with waiting as (
				    select o.id as outbox_id, r.id from channel_outbox o join broadcast_recipient r on o.message_id = -r.id
				    where r.campaign_id = ? and r.status = 'SENDING' and o.bulk and o.status = 'PENDING'
				      and not exists (select 1 from channel_outbox sent where sent.message_id = o.message_id and sent.status <> 'PENDING')
				    order by o.id
				    for update of o skip locked),
				pulled as (
				    delete from channel_outbox o using waiting w where o.id = w.outbox_id returning w.id)
				update broadcast_recipient set status = 'QUEUED', enqueued_at = null, updated_at = now() where id in (select id from pulled)
				""").param(id).update();
	}

	private void setStatus(long id, CampaignStatus status, String pauseReason) {
		this.jdbc.sql("update broadcast_campaign set status = ?, pause_reason = ?, resume_at = null where id = ?")
			.params(status.name(), pauseReason, id)
			.update();
	}

	/** The broadcast's line, if the user may send broadcasts there; 404 otherwise. */
	private Line lineOf(long id) {
		long lineId = this.jdbc.sql("select line_id from broadcast_campaign where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.broadcast", id));
		Line line = this.lines.get(lineId);
		Access.require(line.organisationId(), Permission.BROADCAST_SEND, "error.missing.broadcast", id);
		return line;
	}

	private Broadcast lockedRead(long id, Line line, Set<CampaignStatus> allowed) {
		this.jdbc.sql("select id from broadcast_campaign where id = ? for update").param(id).query(Long.class).single();
		Broadcast broadcast = read(id, line);
		if (!allowed.contains(broadcast.status())) {
			throw new BroadcastConflictException("error.broadcast.broadcast-do-now", broadcast.status());
		}
		return broadcast;
	}

	Broadcast read(long id, Line line) {
		Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
		for (RecipientStatus status : RecipientStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from broadcast_recipient where campaign_id = ? group by status")
			.param(id)
			.query((rs, row) -> counts.put(RecipientStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return this.jdbc.sql("""
				select id, name, status, pause_reason, resume_at, start_at, recipients, audience::text, message::text, created_at,
				       started_at, finished_at, kind from broadcast_campaign where id = ?
				""").param(id).query((rs, row) -> new Broadcast(rs.getLong("id"), line.key(), rs.getString("name"),
				CampaignStatus.valueOf(rs.getString("status")), rs.getString("pause_reason"), instant(rs.getTimestamp("resume_at")),
				instant(rs.getTimestamp("start_at")), rs.getInt("recipients"), java.util.Collections.unmodifiableMap(counts),
				this.json.readValue(rs.getString("audience"), org.linea.audience.Audience.class),
				this.json.readValue(rs.getString("message"), BroadcastMessage.class), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
				CampaignKind.valueOf(rs.getString("kind")))).single();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
