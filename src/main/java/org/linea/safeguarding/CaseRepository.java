package org.linea.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.linea.access.Line;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases as stored: never a message's text, only codes, categories, signals and times. */
@Repository
class CaseRepository {

	private static final String SELECT = """
			select id, organisation_id, line_id, conversation_id, code, category, urgent, signals, source, status, opened_at,
			       acknowledged_at, outcome
			from safeguarding_case c
			""";

	/** Whether the case (alias {@code c}) is kept from the user (twice the user id): they or their team are accused. */
	private static final String KEPT_FROM = """
			(? = any(c.accused_user_ids)
			 or exists (select 1 from inbox_team_member m where m.team_id = any(c.accused_team_ids) and m.user_id = ?))""";

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long open(Line line, long conversationId, Category category, boolean urgent, List<String> signals, String source,
			Long triggerMessageId, Long flaggedBy, Accused.Parties accused, Instant now) {
		return this.jdbc.sql("""
				insert into safeguarding_case (organisation_id, line_id, conversation_id, code, category, urgent, signals, source,
				                               trigger_message_id, flagged_by, opened_at, accused_team_ids, accused_user_ids)
				values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(line.organisationId(), line.id(), conversationId, nextCode(line, now), category.name(), urgent,
					"{" + String.join(",", signals.stream().map(CaseRepository::arrayItem).toList()) + "}", source,
					triggerMessageId, flaggedBy, java.sql.Timestamp.from(now), accused.teamIds().toArray(Long[]::new),
					accused.userIds().toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	Optional<SafeguardingCase> openFor(long conversationId) {
		return this.jdbc.sql(SELECT + " where conversation_id = ? and status in ('OPEN', 'ACKNOWLEDGED')")
			.param(conversationId)
			.query(CaseRepository::map)
			.optional();
	}

	Optional<SafeguardingCase> find(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(CaseRepository::map).optional();
	}

	/**
	 * Open cases first, urgent ones at the top, then the oldest; then the latest others. Never a case
	 * kept from the user (a report against them or their team).
	 */
	List<SafeguardingCase> ofOrganisations(List<Long> organisations, long userId, int limit) {
		if (organisations.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where organisation_id = any(?) and not " + KEPT_FROM + """

				order by (status in ('OPEN', 'ACKNOWLEDGED')) desc, urgent desc, opened_at
				limit ?
				""").params(organisations.toArray(Long[]::new), userId, userId, limit).query(CaseRepository::map).list();
	}

	/** Whether the case is kept from the user: a report against them or a team of theirs. */
	boolean keptFrom(long caseId, long userId) {
		return this.jdbc.sql("select count(*) from safeguarding_case c where id = ? and " + KEPT_FROM)
			.params(caseId, userId, userId).query(Integer.class).single() > 0;
	}

	/** Of these conversations, those whose case is kept from the user. */
	Set<Long> keptFrom(long userId, Collection<Long> conversationIds) {
		return new HashSet<>(this.jdbc.sql("select conversation_id from safeguarding_case c where conversation_id = any(?) and " + KEPT_FROM)
			.params(conversationIds.toArray(Long[]::new), userId, userId)
			.query(Long.class)
			.list());
	}

	/** The people a case is kept from: those it names and the members of the teams it concerns. */
	Set<Long> keptFrom(long caseId) {
		return new HashSet<>(this.jdbc.sql("""
				select unnest(accused_user_ids) from safeguarding_case where id = ?
				union select m.user_id from inbox_team_member m join safeguarding_case c on m.team_id = any(c.accused_team_ids) where c.id = ?
				""").params(caseId, caseId).query(Long.class).list());
	}

	void makeUrgent(long id) {
		this.jdbc.sql("update safeguarding_case set urgent = true where id = ?").param(id).update();
	}

	boolean acknowledge(long id, long userId, Instant now) {
		return this.jdbc.sql("""
				update safeguarding_case set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
				where id = ? and status = 'OPEN'
				""").params(java.sql.Timestamp.from(now), userId, id).update() > 0;
	}

	boolean close(long id, String status, long userId, String outcome, Instant now) {
		return this.jdbc.sql("""
				update safeguarding_case set status = ?, closed_at = ?, closed_by = ?, outcome = ?
				where id = ? and status in ('OPEN', 'ACKNOWLEDGED')
				""").params(status, java.sql.Timestamp.from(now), userId, outcome, id).update() > 0;
	}

	/** Of these conversations, those with a case that is still restricted (open, acknowledged or closed as real). */
	Set<Long> restricted(Collection<Long> conversationIds) {
		return new HashSet<>(this.jdbc.sql("select conversation_id from safeguarding_case where conversation_id = any(?) and status <> 'NOT_SENSITIVE'")
			.param(conversationIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	int unseenAlerts(long userId) {
		return this.jdbc.sql("""
				select count(distinct a.case_id) from safeguarding_alert a join safeguarding_case c on c.id = a.case_id
				where a.user_id = ? and a.channel = 'IN_APP' and a.seen_at is null and c.status = 'OPEN'
				""").param(userId).query(Integer.class).single();
	}

	void alertsSeen(long userId, Instant now) {
		this.jdbc.sql("update safeguarding_alert set seen_at = ? where user_id = ? and seen_at is null")
			.params(java.sql.Timestamp.from(now), userId)
			.update();
	}

	private String nextCode(Line line, Instant now) {
		String prefix = String.format("%02d", now.atZone(ZoneId.of("UTC")).getYear() % 100) + line.countryCode();
		int number = this.jdbc.sql("""
				insert into safeguarding_case_sequence (prefix, last) values (?, 1)
				on conflict (prefix) do update set last = safeguarding_case_sequence.last + 1
				returning last
				""").param(prefix).query(Integer.class).single();
		return prefix + String.format("%04d", number);
	}

	private static String arrayItem(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static SafeguardingCase map(ResultSet rs, int row) throws SQLException {
		return new SafeguardingCase(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("line_id"),
				rs.getLong("conversation_id"), rs.getString("code"), Category.valueOf(rs.getString("category")),
				rs.getBoolean("urgent"), Arrays.asList((String[]) rs.getArray("signals").getArray()), rs.getString("source"),
				rs.getString("status"), rs.getTimestamp("opened_at").toInstant(),
				rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant(),
				rs.getString("outcome"));
	}

}
