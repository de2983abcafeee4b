package org.linea.safeguarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A case's notes, referrals and follow-ups as stored. */
@Repository
class CaseFileRepository {

	private final JdbcClient jdbc;

	CaseFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long addNote(long caseId, long authorId, String text, Instant now) {
		return this.jdbc.sql("insert into safeguarding_case_note (case_id, author_id, created_at, text) values (?, ?, ?, ?) returning id")
			.params(caseId, authorId, Timestamp.from(now), text)
			.query(Long.class)
			.single();
	}

	List<CaseFile.Note> notes(long caseId) {
		return this.jdbc.sql("""
				select n.id, n.created_at, u.display_name, n.text from safeguarding_case_note n join admin_user u on u.id = n.author_id
				where n.case_id = ? order by n.created_at, n.id
				""").param(caseId)
			.query((rs, row) -> new CaseFile.Note(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
			.list();
	}

	long refer(long caseId, long serviceId, long userId, Consent consent, String note, Instant now) {
		return this.jdbc.sql("""
				insert into safeguarding_referral (case_id, service_id, referred_at, referred_by, consent, note)
				values (?, ?, ?, ?, ?, ?) returning id
				""").params(caseId, serviceId, Timestamp.from(now), userId, consent.name(), note).query(Long.class).single();
	}

	/** The case a referral belongs to, if any. */
	java.util.Optional<Long> caseOfReferral(long referralId) {
		return this.jdbc.sql("select case_id from safeguarding_referral where id = ?").param(referralId).query(Long.class).optional();
	}

	void followUp(long referralId, long userId, ReferralStatus status, String note, Instant now) {
		this.jdbc.sql("insert into safeguarding_follow_up (referral_id, at, by_user, status, note) values (?, ?, ?, ?, ?)")
			.params(referralId, Timestamp.from(now), userId, status.name(), note)
			.update();
		this.jdbc.sql("update safeguarding_referral set status = ? where id = ?").params(status.name(), referralId).update();
	}

	List<CaseFile.Referral> referrals(long caseId) {
		Map<Long, List<CaseFile.FollowUp>> followUps = this.jdbc.sql("""
				select f.referral_id, f.at, u.display_name, f.status, f.note
				from safeguarding_follow_up f join safeguarding_referral r on r.id = f.referral_id join admin_user u on u.id = f.by_user
				where r.case_id = ? order by f.at, f.id
				""").param(caseId)
			.query((rs, row) -> Map.entry(rs.getLong(1), new CaseFile.FollowUp(rs.getTimestamp(2).toInstant(), rs.getString(3),
					ReferralStatus.valueOf(rs.getString(4)), rs.getString(5))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return this.jdbc.sql("""
				select r.id, s.name, s.kind, s.contacts, r.referred_at, u.display_name, r.consent, r.status, r.note
				from safeguarding_referral r join safeguarding_service s on s.id = r.service_id join admin_user u on u.id = r.referred_by
				where r.case_id = ? order by r.referred_at, r.id
				""").param(caseId)
			.query((rs, row) -> new CaseFile.Referral(rs.getLong(1), rs.getString(2), ServiceKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), Consent.valueOf(rs.getString(7)),
					ReferralStatus.valueOf(rs.getString(8)), rs.getString(9), followUps.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	boolean close(long caseId, long userId, Outcome outcome, String note, Instant now) {
		return this.jdbc.sql("""
				update safeguarding_case set status = 'CLOSED', closed_at = ?, closed_by = ?, outcome_code = ?, outcome = ?
				where id = ? and status in ('OPEN', 'ACKNOWLEDGED')
				""").params(Timestamp.from(now), userId, outcome.name(), note, caseId).update() > 0;
	}

	/** The outcome code and closing time of a case. */
	Map.Entry<String, Instant> closing(long caseId) {
		return this.jdbc.sql("select outcome_code, closed_at from safeguarding_case where id = ?").param(caseId)
			.query((rs, row) -> new java.util.AbstractMap.SimpleEntry<>(rs.getString(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

}
