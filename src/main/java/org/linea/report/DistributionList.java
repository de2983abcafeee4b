package org.linea.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.linea.feedback.LineScope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's distribution list of the weekly report: who receives it (a programme's focal
 * point), in which language, for which lines and sections; the Monday hour it goes out; and each
 * week's deliveries with their status. Callers check the coordinator's access.
 */
@Service
class DistributionList {

	static final int MAX_ATTEMPTS = 5;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final JdbcClient jdbc;

	private final int defaultHour;

	DistributionList(JdbcClient jdbc, @Value("${linea.report.delivery-hour:8}") int defaultHour) {
		this.jdbc = jdbc;
		this.defaultHour = defaultHour;
	}

	/**
	 * @param lineIds empty: every line of the organisation
	 * @param sections all of them when none was chosen
	 */
	record Recipient(long id, long organisationId, String name, String email, Programme programme, String language,
			List<Long> lineIds, Set<ReportSection> sections, List<String> chosenSections) {
	}

	/** @param gaveUp failed as many times as it is tried */
	record Delivery(long id, String recipient, String email, LocalDate weekStart, String status, int attempts, String lastError,
			Instant sentAt, Instant nextAttemptAt) {

		public String shownStatus() {
			return this.status.equals("FAILED") && this.attempts >= MAX_ATTEMPTS ? "GAVE_UP" : this.status;
		}

	}

	List<Recipient> recipients(long organisationId) {
		return this.jdbc.sql("select * from report_recipient where organisation_id = ? order by programme, name, id")
			.param(organisationId).query(DistributionList::recipient).list();
	}

	java.util.Optional<Recipient> recipient(long id) {
		return this.jdbc.sql("select * from report_recipient where id = ?").param(id).query(DistributionList::recipient).optional();
	}

	/** Adds (or, for an address already listed, replaces) a recipient; false when the name or address is not usable. */
	@Transactional
	boolean add(long organisationId, String name, String email, Programme programme, String language, List<Long> lineIds,
			List<String> sections) {
		if (name == null || name.isBlank() || email == null || !EMAIL.matcher(email.strip()).matches() || programme == null) {
			return false;
		}
		List<String> known = sections == null ? List.of()
				: sections.stream().filter(s -> ReportSection.parse(List.of(s)).size() == 1).distinct().toList();
		this.jdbc.sql("""
				insert into report_recipient (organisation_id, name, email, programme, language, line_ids, sections)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (organisation_id, email) do update set name = excluded.name, programme = excluded.programme,
				    language = excluded.language, line_ids = excluded.line_ids, sections = excluded.sections
				""").params(organisationId, name.strip(), email.strip().toLowerCase(), programme.name(),
				ReportLanguage.LANGUAGES.contains(language) ? language : ReportLanguage.LANGUAGES.getFirst(),
				lineIds == null ? new Long[0] : lineIds.toArray(Long[]::new), known.toArray(String[]::new)).update();
		return true;
	}

	@Transactional
	void remove(long organisationId, long recipientId) {
		this.jdbc.sql("delete from report_recipient where organisation_id = ? and id = ?").params(organisationId, recipientId).update();
	}

	int hour(long organisationId) {
		return this.jdbc.sql("select hour from report_delivery_hour where organisation_id = ?").param(organisationId)
			.query(Integer.class).optional().orElse(this.defaultHour);
	}

	@Transactional
	void hour(long organisationId, int hour) {
		this.jdbc.sql("""
				insert into report_delivery_hour (organisation_id, hour) values (?, ?)
				on conflict (organisation_id) do update set hour = excluded.hour
				""").params(organisationId, Math.clamp(hour, 0, 23)).update();
	}

	/** The organisation's latest deliveries, newest week first. */
	List<Delivery> deliveries(long organisationId) {
		return this.jdbc.sql("""
				select d.id, r.name, r.email, d.week_start, d.status, d.attempts, d.last_error, d.sent_at, d.next_attempt_at
				from report_delivery d join report_recipient r on r.id = d.recipient_id
				where d.organisation_id = ? order by d.week_start desc, r.name, d.id limit 60
				""").param(organisationId).query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getString(7), instant(rs.getTimestamp(8)),
				instant(rs.getTimestamp(9)))).list();
	}

	/** Organisations with someone on their list. */
	List<Long> organisationsWithRecipients() {
		return this.jdbc.sql("select distinct organisation_id from report_recipient order by 1").query(Long.class).list();
	}

	/** A delivery of the week for each recipient listed by then (once: a second call adds nothing). */
	@Transactional
	int plan(long organisationId, LocalDate weekStart, Instant listedBy, Instant now) {
		return this.jdbc.sql("""
				insert into report_delivery (recipient_id, organisation_id, week_start, status, next_attempt_at)
				select id, organisation_id, ?, 'PENDING', ? from report_recipient where organisation_id = ? and created_at <= ?
				on conflict (recipient_id, week_start) do nothing
				""").params(weekStart, Timestamp.from(now), organisationId, Timestamp.from(listedBy)).update();
	}

	/** A failed delivery is tried again at once, with one attempt left at least. */
	@Transactional
	boolean retry(long organisationId, long deliveryId, Instant now) {
		return this.jdbc.sql("""
				update report_delivery set status = 'PENDING', attempts = least(attempts, ? - 1), next_attempt_at = ?
				where id = ? and organisation_id = ? and status = 'FAILED'
				""").params(MAX_ATTEMPTS, Timestamp.from(now), deliveryId, organisationId).update() == 1;
	}

	static LineScope scopeOf(Recipient recipient, List<org.linea.access.Line> organisationLines, LocalDate weekStart) {
		List<org.linea.access.Line> lines = recipient.lineIds().isEmpty() ? organisationLines
				: organisationLines.stream().filter(l -> recipient.lineIds().contains(l.id())).toList();
		if (lines.isEmpty()) {
			lines = organisationLines;
		}
		String key = lines.size() == 1 ? "line:" + lines.getFirst().key() : "org:" + recipient.organisationId();
		return new LineScope(key, recipient.organisationId(), lines.size() == 1 ? lines.getFirst().name() : null, lines, weekStart,
				weekStart.plusDays(6));
	}

	private static Recipient recipient(ResultSet rs, int n) throws SQLException {
		List<String> sections = strings(rs.getArray("sections"));
		return new Recipient(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("email"),
				Programme.valueOf(rs.getString("programme")), rs.getString("language"), longs(rs.getArray("line_ids")),
				ReportSection.parse(sections), sections);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : List.of((Long[]) array.getArray());
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
