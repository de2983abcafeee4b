package org.linea.safeguarding;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case's content is a data type of its own, with its own retention period per line: the case notes,
 * the notes of its referrals and follow-ups, its closing note, and the messages of the case's
 * conversation (which the general message texts period leaves alone). A person's export holds their
 * cases' codes, notes and referrals; their erasure empties those texts and keeps the rows (codes,
 * categories, dates), so figures stay true.
 */
@Configuration(proxyBeanMethods = false)
class SafeguardingPersonalData implements PersonalDataHolder {

	/** The data type: everything a case says, which its own period erases. */
	static final String CASE_CONTENT = DataTypes.SAFEGUARDING_CASE_CONTENT;

	private static final String CASES_OF_LINE = "case_id in (select id from safeguarding_case where line_id = ?)";

	private final JdbcClient jdbc;

	SafeguardingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Bean
	static RetentionTarget safeguardingCaseNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, CASE_CONTENT, "safeguarding_case_note", "text = null",
				CASES_OF_LINE + " and created_at < ? and text is not null");
	}

	@Bean
	static RetentionTarget safeguardingReferralNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, CASE_CONTENT, "safeguarding_referral", "note = null",
				CASES_OF_LINE + " and referred_at < ? and note is not null");
	}

	@Bean
	static RetentionTarget safeguardingFollowUpNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, CASE_CONTENT, "safeguarding_follow_up", "note = null", """
				referral_id in (select r.id from safeguarding_referral r join safeguarding_case c on c.id = r.case_id where c.line_id = ?)
				and at < ? and note is not null""");
	}

	@Bean
	static RetentionTarget safeguardingClosingNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, CASE_CONTENT, "safeguarding_case", "outcome = null",
				"line_id = ? and coalesce(closed_at, opened_at) < ? and outcome is not null");
	}

	/** The messages of a case's conversation: under the case's period, not the general one. */
	@Bean
	static RetentionTarget safeguardingCaseMessages(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, CASE_CONTENT, "conversation_message", "body = null, media_ref = null", """
				conversation_id in (select conversation_id from safeguarding_case where line_id = ? and status <> 'NOT_SENSITIVE')
				and created_at < ? and (body is not null or media_ref is not null)""");
	}

	@Override
	public String section() {
		return "safeguarding";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.jdbc.sql("""
				select id, code, category, status, opened_at, closed_at, outcome_code, outcome from safeguarding_case
				where conversation_id = any(?::bigint[]) order by id
				""").param(subject.conversationArray()).query((rs, n) -> {
			long id = rs.getLong("id");
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", rs.getString("code"));
			row.put("category", rs.getString("category"));
			row.put("status", rs.getString("status"));
			row.put("openedAt", instant(rs.getTimestamp("opened_at")));
			row.put("closedAt", instant(rs.getTimestamp("closed_at")));
			row.put("outcome", rs.getString("outcome_code"));
			row.put("outcomeNote", rs.getString("outcome"));
			row.put("notes", notes(id));
			row.put("referrals", referrals(id));
			return row;
		}).list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		if (subject.conversationIds().isEmpty()) {
			return Map.of();
		}
		String cases = "select id from safeguarding_case where conversation_id = any(?::bigint[])";
		int erased = this.jdbc.sql("update safeguarding_case_note set text = null where text is not null and case_id in (" + cases + ")")
			.param(subject.conversationArray()).update();
		erased += this.jdbc.sql("update safeguarding_referral set note = null where note is not null and case_id in (" + cases + ")")
			.param(subject.conversationArray()).update();
		erased += this.jdbc.sql("""
				update safeguarding_follow_up set note = null
				where note is not null and referral_id in (select id from safeguarding_referral where case_id in (%s))
				""".formatted(cases)).param(subject.conversationArray()).update();
		erased += this.jdbc.sql("update safeguarding_case set outcome = null where outcome is not null and conversation_id = any(?::bigint[])")
			.param(subject.conversationArray()).update();
		return Map.of(CASE_CONTENT, erased);
	}

	private List<Map<String, Object>> notes(long caseId) {
		return this.jdbc.sql("select created_at, text from safeguarding_case_note where case_id = ? order by created_at, id")
			.param(caseId).query((rs, n) -> {
				Map<String, Object> note = new LinkedHashMap<>();
				note.put("at", instant(rs.getTimestamp(1)));
				note.put("text", rs.getString(2));
				return note;
			}).list();
	}

	private List<Map<String, Object>> referrals(long caseId) {
		return this.jdbc.sql("""
				select r.id, s.name, s.kind, r.referred_at, r.consent, r.status, r.note
				from safeguarding_referral r join safeguarding_service s on s.id = r.service_id where r.case_id = ? order by r.id
				""").param(caseId).query((rs, n) -> {
			Map<String, Object> referral = new LinkedHashMap<>();
			referral.put("service", rs.getString(2));
			referral.put("kind", rs.getString(3));
			referral.put("referredAt", instant(rs.getTimestamp(4)));
			referral.put("consent", rs.getString(5));
			referral.put("status", rs.getString(6));
			referral.put("note", rs.getString(7));
			referral.put("followUps", this.jdbc.sql("select at, status, note from safeguarding_follow_up where referral_id = ? order by at, id")
				.param(rs.getLong(1)).query((f, m) -> {
					Map<String, Object> followUp = new LinkedHashMap<>();
					followUp.put("at", instant(f.getTimestamp(1)));
					followUp.put("status", f.getString(2));
					followUp.put("note", f.getString(3));
					return followUp;
				}).list());
			return referral;
		}).list();
	}

	private static String instant(Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}

}
