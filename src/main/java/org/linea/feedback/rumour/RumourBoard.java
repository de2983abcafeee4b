package org.linea.feedback.rumour;

import org.linea.feedback.LocalCalendar;
import org.linea.feedback.log.FeedbackLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.linea.access.Permission;
import org.linea.access.Access;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.UserService;
import org.linea.contact.ContactService;
import org.linea.conversation.ConversationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;

/**
 * What coordinators and analysts read about rumours: the groups, rising ones first, and each group's
 * page. Analysts see counts, lines and places, not the reports: what they see of what people wrote is
 * a group's name, which is its first report's text until a coordinator names it.
 */
@Service
public class RumourBoard {

	/** Rising groups first, then by how much they rose, then by reports in the last 7 days. */
	private static final Comparator<RumourSummary> RISING_FIRST = Comparator.comparing(RumourSummary::rising).reversed()
		.thenComparing(r -> r.lastWeek() - r.weekBefore(), Comparator.reverseOrder())
		.thenComparing(RumourSummary::lastWeek, Comparator.reverseOrder());

	private static final String SUMMARY = """
			select r.id, r.title, r.status, r.counter_entry_key, count(p.id) as reports,
			       count(p.id) filter (where p.flagged_at >= ?) as last_week,
			       count(p.id) filter (where p.flagged_at >= ? and p.flagged_at < ?) as week_before,
			       array_agg(distinct p.line_id) as line_ids,
			       coalesce(array_agg(distinct p.location) filter (where p.location is not null), '{}') as places
			from feedback_rumour r join feedback_rumour_report p on p.rumour_id = r.id
			""";

	private final JdbcClient jdbc;

	private final RumourAccess access;

	private final LineService lines;

	private final ConversationService conversations;

	private final ContactService contacts;

	private final UserService users;

	private final CounterMessages counterMessages;

	private final Clock clock;

	RumourBoard(JdbcClient jdbc, RumourAccess access, LineService lines, ConversationService conversations, ContactService contacts,
			UserService users, CounterMessages counterMessages, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.lines = lines;
		this.conversations = conversations;
		this.contacts = contacts;
		this.users = users;
		this.counterMessages = counterMessages;
		this.clock = clock;
	}

	/** Groups of the organisations the current user reads, rising ones first. */
	@Transactional(readOnly = true)
	public List<RumourSummary> rumours() {
		List<Line> readable = this.lines.accessibleLines(Permission.RUMOUR_READ);
		if (readable.isEmpty()) {
			throw new AccessDeniedException("Your role does not read rumours");
		}
		Long[] organisations = readable.stream().map(Line::organisationId).distinct().toArray(Long[]::new);
		return summaries(" where r.organisation_id = any(?)", organisations, readable).stream().sorted(RISING_FIRST).toList();
	}

	/** The groups an interaction was flagged in, for its feedback record; the caller checked access to the record. */
	@Transactional(readOnly = true)
	public List<RumourSummary> flaggedIn(long conversationId, Line line) {
		return summaries(" where r.id in (select rumour_id from feedback_rumour_report where conversation_id = ?)", conversationId,
				List.of(line));
	}

	/** A group with its reports by week and status history; what people said and who was sent what, for editors only. */
	@Transactional(readOnly = true)
	public RumourDetail detail(long rumourId) {
		long organisationId = this.access.organisationOf(rumourId);
		LineaUser me = Access.require(organisationId, Permission.RUMOUR_READ, "error.missing.rumour", rumourId);
		List<Line> its = this.lines.accessibleLines(Permission.RUMOUR_READ).stream().filter(l -> l.organisationId() == organisationId).toList();
		RumourSummary summary = summaries(" where r.id = ?", rumourId, its).getFirst();
		Map<Long, Line> byId = its.stream().collect(Collectors.toMap(Line::id, l -> l));
		List<ReportRow> rows = this.jdbc.sql("""
				select conversation_id, line_id, text, location, flagged_by, flagged_at from feedback_rumour_report
				where rumour_id = ? order by flagged_at desc, id desc
				""").param(rumourId).query((rs, n) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getLong(5), instant(rs, "flagged_at"))).list();
		Map<LocalDate, Long> weeks = new TreeMap<>();
		rows.forEach(row -> weeks.merge(LocalCalendar.weekStart(row.flaggedAt(), zoneOf(byId, row.lineId())), 1L, Long::sum));
		boolean mayReadText = me.can(organisationId, Permission.RUMOUR_EDIT);
		Map<Long, String> names = this.users.displayNames(rows.stream().map(ReportRow::flaggedBy).collect(Collectors.toSet()));
		List<RumourDetail.Report> reports = !mayReadText ? List.of() : rows.stream()
			.map(row -> new RumourDetail.Report(row.conversationId(), this.conversations.get(row.conversationId()).contactCode(),
					lineName(byId, row.lineId()), row.text(), row.location(), names.get(row.flaggedBy()), row.flaggedAt()))
			.toList();
		return new RumourDetail(summary, reports, weeks, history(rumourId), mayReadText ? deliveries(rumourId, byId) : List.of(),
				mayReadText, its.isEmpty() ? ZoneOffset.UTC : its.getFirst().timeZone());
	}


	/** Validated entries of the rumour's lines a coordinator may choose from, by key. */
	@Transactional(readOnly = true)
	public Map<String, String> counterMessageChoices(long rumourId) {
		this.access.require(rumourId, Permission.RUMOUR_EDIT);
		Map<String, String> choices = new TreeMap<>();
		this.counterMessages.candidates(this.access.lineIdsOf(rumourId))
			.forEach(entry -> choices.put(entry.key(), entry.content().question()));
		return choices;
	}


	/** Names of the templates approved on the rumour's lines. */
	@Transactional(readOnly = true)
	public List<String> templateNames(long rumourId) {
		this.access.require(rumourId, Permission.RUMOUR_EDIT);
		return this.counterMessages.templateNames(this.access.lineIdsOf(rumourId));
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


	private static String lineName(Map<Long, Line> lines, long lineId) {
		Line line = lines.get(lineId);
		return line == null ? "#" + lineId : line.name();
	}

	private static ZoneId zoneOf(Map<Long, Line> lines, long lineId) {
		Line line = lines.get(lineId);
		return line == null ? ZoneOffset.UTC : line.timeZone();
	}


	private record ReportRow(long conversationId, long lineId, String text, String location, long flaggedBy, Instant flaggedAt) {
	}

	private record DeliveryRow(long contactId, long lineId, String outcome, String entryKey, String language, long sentBy,
			Instant sentAt) {
	}


}
