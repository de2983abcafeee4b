package org.linea.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.linea.admin.CurrentUser;
import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.admin.LineaUser;
import org.linea.admin.Role;
import org.linea.admin.UserService;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;

/**
 * Rumours: staff flag a person's message or a whole interaction; each flag joins the organisation's
 * open group whose reports it is most alike ({@link RumourTerms}), or starts a new group. Coordinators
 * verify, choose a validated counter-message and send it back to the people who raised the rumour
 * ({@link CounterMessages}); analysts read the groups but not what people wrote.
 */
@Service
public class RumourService {

	/** Who may flag a rumour: those who read conversations. */
	static final Role[] FLAGGERS = { Role.COORDINATOR, Role.OPERATOR, Role.SPECIALIST };

	static final Role[] EDITORS = { Role.COORDINATOR };

	private static final int TITLE_LENGTH = 120;

	private static final String SUMMARY = """
			select r.id, r.title, r.status, r.counter_entry_key, count(p.id) as reports,
			       count(p.id) filter (where p.flagged_at >= ?) as last_week,
			       count(p.id) filter (where p.flagged_at >= ? and p.flagged_at < ?) as week_before,
			       array_agg(distinct p.line_id) as line_ids,
			       coalesce(array_agg(distinct p.location) filter (where p.location is not null), '{}') as places
			from feedback_rumour r join feedback_rumour_report p on p.rumour_id = r.id
			""";

	private final JdbcClient jdbc;

	private final LineService lines;

	private final ConversationService conversations;

	private final ContactService contacts;

	private final KnowledgeService knowledge;

	private final UserService users;

	private final CounterMessages counterMessages;

	private final Clock clock;

	RumourService(JdbcClient jdbc, LineService lines, ConversationService conversations, ContactService contacts,
			KnowledgeService knowledge, UserService users, CounterMessages counterMessages, Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.conversations = conversations;
		this.contacts = contacts;
		this.knowledge = knowledge;
		this.users = users;
		this.counterMessages = counterMessages;
		this.clock = clock;
	}

	/**
	 * Flags a person's message, or with {@code messageId} null the whole interaction, as a rumour and
	 * returns the group it joined. Flagging the same thing twice changes nothing.
	 */
	@Transactional
	public long flag(long conversationId, Long messageId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.lines.get(conversation.lineId());
		LineaUser me = require(line.organisationId(), FLAGGERS, "Conversation " + conversationId);
		Optional<Long> flagged = this.jdbc.sql("""
				select rumour_id from feedback_rumour_report where conversation_id = ? and coalesce(message_id, 0) = ?
				""").params(conversationId, messageId == null ? 0 : messageId).query(Long.class).optional();
		if (flagged.isPresent()) {
			return flagged.get();
		}
		String text = said(conversationId, messageId);
		// one flag at a time per organisation, so two alike flags never start two groups
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(RumourService.class.getSimpleName().hashCode(),
				(int) line.organisationId()).query().singleRow();
		long rumourId = alikeGroup(line.organisationId(), text, conversation.language())
			.orElseGet(() -> newGroup(line.organisationId(), text, me.id()));
		this.jdbc.sql("""
				insert into feedback_rumour_report (rumour_id, line_id, conversation_id, message_id, contact_id, language, text,
				    location, flagged_by, flagged_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(rumourId, line.id(), conversationId, messageId, conversation.contactId(), conversation.language(), text,
				consentedLocation(conversation.contactId()), me.id(), now()).update();
		this.jdbc.sql("update feedback_rumour set updated_at = ? where id = ?").params(now(), rumourId).update();
		return rumourId;
	}

	/** Groups of the organisations the current user reads, rising ones first, then the most reported lately. */
	@Transactional(readOnly = true)
	public List<RumourSummary> rumours() {
		List<Line> readable = this.lines.accessibleLines(LineScopes.READERS);
		if (readable.isEmpty()) {
			throw new AccessDeniedException("Your role does not read rumours");
		}
		Long[] organisations = readable.stream().map(Line::organisationId).distinct().toArray(Long[]::new);
		return summaries(" where r.organisation_id = any(?)", organisations, readable).stream()
			.sorted((a, b) -> a.rising() != b.rising() ? (a.rising() ? -1 : 1)
					: a.lastWeek() - a.weekBefore() != b.lastWeek() - b.weekBefore()
							? Long.compare(b.lastWeek() - b.weekBefore(), a.lastWeek() - a.weekBefore())
							: Long.compare(b.lastWeek(), a.lastWeek()))
			.toList();
	}

	@Transactional(readOnly = true)
	public RumourDetail detail(long rumourId) {
		long organisationId = organisationOf(rumourId);
		LineaUser me = require(organisationId, LineScopes.READERS, "Rumour " + rumourId);
		List<Line> its = this.lines.accessibleLines(LineScopes.READERS).stream().filter(l -> l.organisationId() == organisationId).toList();
		RumourSummary summary = summaries(" where r.id = ?", rumourId, its).getFirst();
		Map<Long, Line> byId = its.stream().collect(Collectors.toMap(Line::id, l -> l));
		List<ReportRow> rows = this.jdbc.sql("""
				select conversation_id, line_id, text, location, flagged_by, flagged_at from feedback_rumour_report
				where rumour_id = ? order by flagged_at desc, id desc
				""").param(rumourId).query((rs, n) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getLong(5), instant(rs, "flagged_at"))).list();
		Map<LocalDate, Long> weeks = new TreeMap<>();
		rows.forEach(row -> weeks.merge(LocalCalendar.weekStart(row.flaggedAt(), zoneOf(byId, row.lineId())), 1L, Long::sum));
		boolean mayReadText = me.hasRole(organisationId, EDITORS);
		Map<Long, String> names = this.users.displayNames(rows.stream().map(ReportRow::flaggedBy).collect(Collectors.toSet()));
		List<RumourDetail.Report> reports = !mayReadText ? List.of() : rows.stream()
			.map(row -> new RumourDetail.Report(row.conversationId(), this.conversations.get(row.conversationId()).contactCode(),
					lineName(byId, row.lineId()), row.text(), row.location(), names.get(row.flaggedBy()), row.flaggedAt()))
			.toList();
		return new RumourDetail(summary, reports, weeks, history(rumourId), mayReadText ? deliveries(rumourId, byId) : List.of(),
				mayReadText, its.isEmpty() ? ZoneOffset.UTC : its.getFirst().timeZone());
	}

	/** Moves the group in its lifecycle; ANSWERED needs a counter-message first. */
	@Transactional
	public void changeStatus(long rumourId, RumourStatus status) {
		LineaUser me = require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		Locked rumour = lock(rumourId);
		if (status == null || !rumour.status().canMoveTo(status)) {
			throw new InvalidRequestException("A " + rumour.status() + " rumour cannot become " + status);
		}
		if (status == RumourStatus.ANSWERED && rumour.counterEntryKey() == null) {
			throw new InvalidRequestException("Choose the counter-message before marking the rumour answered");
		}
		this.jdbc.sql("update feedback_rumour set status = ?, updated_at = ? where id = ?").params(status.name(), now(), rumourId).update();
		recordStatus(rumourId, status, me.id());
	}

	/**
	 * Names the group in the coordinators' words; the first report's text is its name until then, so
	 * a neutral summary keeps what a person wrote off the dashboard and the weekly report.
	 */
	@Transactional
	public void retitle(long rumourId, String title) {
		require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		String clean = title == null ? "" : title.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty() || clean.length() > TITLE_LENGTH) {
			throw new InvalidRequestException("A rumour's name has 1 to " + TITLE_LENGTH + " characters");
		}
		this.jdbc.sql("update feedback_rumour set title = ?, updated_at = ? where id = ?").params(clean, now(), rumourId).update();
	}

	/** Chooses the validated knowledge-bank entry, by its key, that answers the rumour on its lines. */
	@Transactional
	public void chooseCounterMessage(long rumourId, String entryKey) {
		require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		lock(rumourId);
		String key = entryKey == null ? "" : entryKey.strip();
		boolean validatedSomewhere = lineIdsOf(rumourId).stream()
			.anyMatch(lineId -> this.knowledge.validated(lineId).stream().anyMatch(entry -> entry.key().equalsIgnoreCase(key)));
		if (!validatedSomewhere) {
			throw new InvalidRequestException("No validated entry " + key + " on the lines this rumour comes from");
		}
		this.jdbc.sql("update feedback_rumour set counter_entry_key = ?, updated_at = ? where id = ?").params(key, now(), rumourId)
			.update();
	}

	/**
	 * Sends the counter-message to everyone who raised the rumour and has not had it yet: as text inside
	 * the reply window, outside it by the line's approved template of this name.
	 */
	@Transactional
	public Map<CounterMessageOutcome, Integer> closeTheLoop(long rumourId, String templateName) {
		LineaUser me = require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		Locked rumour = lock(rumourId);
		if (rumour.status() != RumourStatus.ANSWERED) {
			throw new InvalidRequestException("Only an answered rumour's counter-message can be sent");
		}
		return this.counterMessages.send(rumourId, rumour.counterEntryKey(), templateName, me.id());
	}

	/** Validated entries of the rumour's lines a coordinator may choose from, by key. */
	@Transactional(readOnly = true)
	public Map<String, String> counterMessageChoices(long rumourId) {
		require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		Map<String, String> choices = new TreeMap<>();
		lineIdsOf(rumourId).forEach(lineId -> this.knowledge.validated(lineId)
			.forEach(entry -> choices.putIfAbsent(entry.key(), entry.content().question())));
		return choices;
	}

	/** Names of the templates approved on the rumour's lines. */
	@Transactional(readOnly = true)
	public List<String> templateNames(long rumourId) {
		require(organisationOf(rumourId), EDITORS, "Rumour " + rumourId);
		return this.counterMessages.templateNames(lineIdsOf(rumourId));
	}

	private String said(long conversationId, Long messageId) {
		List<ConversationMessage> fromPerson = this.conversations.messages(conversationId).stream()
			.filter(m -> "IN".equals(m.direction()) && m.body() != null && !m.body().isBlank())
			.filter(m -> messageId == null || m.id() == messageId)
			.toList();
		if (fromPerson.isEmpty()) {
			throw messageId == null ? new InvalidRequestException("The person has written nothing to flag")
					: new NotFoundException("Message " + messageId);
		}
		return fromPerson.stream().map(ConversationMessage::body).collect(Collectors.joining("\n"));
	}

	/** The open group whose most alike report is alike enough, if any. */
	private Optional<Long> alikeGroup(long organisationId, String text, String language) {
		Set<String> terms = RumourTerms.of(text, language);
		Map<Long, Double> best = new HashMap<>();
		this.jdbc.sql("""
				select p.rumour_id, p.text, p.language from feedback_rumour_report p join feedback_rumour r on r.id = p.rumour_id
				where r.organisation_id = ? and r.status <> 'CLOSED'
				""").param(organisationId).query((rs, n) -> best.merge(rs.getLong(1),
				RumourTerms.similarity(terms, RumourTerms.of(rs.getString(2), rs.getString(3))), Math::max)).list();
		return best.entrySet().stream().filter(e -> e.getValue() >= RumourTerms.ALIKE)
			.max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
	}

	private long newGroup(long organisationId, String text, long userId) {
		String title = text.strip().replaceAll("\\s+", " ");
		long id = this.jdbc.sql("insert into feedback_rumour (organisation_id, title, created_at, updated_at) values (?, ?, ?, ?) returning id")
			.params(organisationId, title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH - 1) + "…" : title, now(), now())
			.query(Long.class).single();
		recordStatus(id, RumourStatus.NEW, userId);
		return id;
	}

	private String consentedLocation(long contactId) {
		boolean consented = this.contacts.currentConsent(contactId).get("DEMOGRAPHICS") == ConsentEvent.GIVEN;
		return consented ? this.contacts.demographics(contactId).get(Demographic.LOCATION) : null;
	}

	private List<RumourSummary> summaries(String where, Object param, List<Line> readable) {
		Instant now = Instant.now(this.clock);
		Timestamp weekAgo = Timestamp.from(now.minus(Duration.ofDays(7)));
		Timestamp twoWeeksAgo = Timestamp.from(now.minus(Duration.ofDays(14)));
		Map<Long, Line> byId = readable.stream().collect(Collectors.toMap(Line::id, l -> l));
		return this.jdbc.sql(SUMMARY + where + " group by r.id order by r.id desc")
			.params(weekAgo, twoWeeksAgo, weekAgo, param)
			.query((rs, n) -> summary(rs, byId))
			.list();
	}

	private static RumourSummary summary(ResultSet rs, Map<Long, Line> lines) throws SQLException {
		List<String> lineNames = Arrays.stream((Long[]) rs.getArray("line_ids").getArray()).map(id -> lineName(lines, id)).toList();
		return new RumourSummary(rs.getLong("id"), rs.getString("title"), RumourStatus.valueOf(rs.getString("status")),
				rs.getString("counter_entry_key"), rs.getLong("reports"), rs.getLong("last_week"), rs.getLong("week_before"),
				lineNames, FeedbackLog.strings(rs.getArray("places")));
	}

	private List<RumourDetail.StatusChange> history(long rumourId) {
		List<Object[]> rows = this.jdbc.sql("""
				select status, changed_by, changed_at from feedback_rumour_status_change where rumour_id = ? order by id desc
				""").param(rumourId).query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, Long.class), instant(rs, "changed_at") })
			.list();
		Map<Long, String> names = this.users.displayNames(rows.stream().map(r -> (Long) r[1]).filter(id -> id != null).toList());
		return rows.stream()
			.map(r -> new RumourDetail.StatusChange(RumourStatus.valueOf((String) r[0]), names.get((Long) r[1]), (Instant) r[2]))
			.toList();
	}

	private List<RumourDetail.Delivery> deliveries(long rumourId, Map<Long, Line> lines) {
		List<DeliveryRow> rows = this.jdbc.sql("""
				select contact_id, line_id, outcome, entry_key, language, sent_by, sent_at from feedback_rumour_delivery
				where rumour_id = ? order by id desc
				""").param(rumourId).query((rs, n) -> new DeliveryRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getLong(6), instant(rs, "sent_at"))).list();
		Map<Long, String> names = this.users.displayNames(rows.stream().map(DeliveryRow::sentBy).collect(Collectors.toSet()));
		Map<Long, String> codes = new LinkedHashMap<>();
		rows.forEach(row -> codes.computeIfAbsent(row.contactId(), id -> this.contacts.get(id).code()));
		return rows.stream()
			.map(row -> new RumourDetail.Delivery(codes.get(row.contactId()), lineName(lines, row.lineId()), row.outcome(),
					row.entryKey(), row.language(), names.get(row.sentBy()), row.sentAt()))
			.toList();
	}

	private List<Long> lineIdsOf(long rumourId) {
		return this.jdbc.sql("select distinct line_id from feedback_rumour_report where rumour_id = ? order by 1").param(rumourId)
			.query(Long.class).list();
	}

	private long organisationOf(long rumourId) {
		return this.jdbc.sql("select organisation_id from feedback_rumour where id = ?").param(rumourId).query(Long.class)
			.optional().orElseThrow(() -> new NotFoundException("Rumour " + rumourId));
	}

	private Locked lock(long rumourId) {
		return this.jdbc.sql("select status, counter_entry_key from feedback_rumour where id = ? for update").param(rumourId)
			.query((rs, n) -> new Locked(RumourStatus.valueOf(rs.getString(1)), rs.getString(2))).single();
	}

	private void recordStatus(long rumourId, RumourStatus status, long userId) {
		this.jdbc.sql("insert into feedback_rumour_status_change (rumour_id, status, changed_by, changed_at) values (?, ?, ?, ?)")
			.params(rumourId, status.name(), userId, now()).update();
	}

	/** The signed-in user if they hold one of the roles; someone outside the organisation is told it does not exist. */
	private static LineaUser require(long organisationId, Role[] roles, String what) {
		LineaUser me = CurrentUser.require();
		if (!me.isMemberOf(organisationId)) {
			throw new NotFoundException(what);
		}
		if (!me.hasRole(organisationId, roles)) {
			throw new AccessDeniedException("Your role does not allow this on rumours");
		}
		return me;
	}

	private static String lineName(Map<Long, Line> lines, long lineId) {
		Line line = lines.get(lineId);
		return line == null ? "#" + lineId : line.name();
	}

	private static ZoneId zoneOf(Map<Long, Line> lines, long lineId) {
		Line line = lines.get(lineId);
		return line == null ? ZoneOffset.UTC : line.timeZone();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private record Locked(RumourStatus status, String counterEntryKey) {
	}

	private record ReportRow(long conversationId, long lineId, String text, String location, long flaggedBy, Instant flaggedAt) {
	}

	private record DeliveryRow(long contactId, long lineId, String outcome, String entryKey, String language, long sentBy,
			Instant sentAt) {
	}

}
