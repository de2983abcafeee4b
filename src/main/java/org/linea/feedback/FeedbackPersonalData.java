package org.linea.feedback;

import org.linea.feedback.RecordLock;
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
 * What the feedback module holds about a person: the anonymous feedback records (exported, never
 * erased: they carry no text or identifier and keep dashboards and reports whole), what they said in
 * flagged rumours (groups are named by coordinators, never by a report), and programme referral notes.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	FeedbackPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Bean
	static RetentionTarget programmeReferralNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.CASE_NOTES, "feedback_programme_referral", "note = null, response = null",
				"line_id = ? and referred_at < ? and (note is not null or response is not null)");
	}

	@Bean
	static RetentionTarget rumourTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.RUMOUR_TEXTS, "feedback_rumour_report", "text = null",
				"line_id = ? and flagged_at < ? and text is not null");
	}

	@Override
	public String section() {
		return "feedback";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> feedback = new LinkedHashMap<>();
		feedback.put("records", this.jdbc.sql("""
				select record_code, channel, language, opened_at, closed_at, answered_by, topics, info_types, feedback_type,
				       satisfaction, gender, age_range, location, migrant_status
				from feedback_log where contact_id = ? order by opened_at
				""").param(subject.contactId()).query((rs, n) -> {
			Map<String, Object> record = new LinkedHashMap<>();
			for (String column : List.of("record_code", "channel", "language", "answered_by", "feedback_type", "gender", "age_range",
					"location", "migrant_status")) {
				record.put(column, rs.getString(column));
			}
			record.put("opened_at", rs.getTimestamp("opened_at").toInstant().toString());
			record.put("closed_at", rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant().toString());
			record.put("topics", List.of((String[]) rs.getArray("topics").getArray()));
			record.put("info_types", List.of((String[]) rs.getArray("info_types").getArray()));
			record.put("satisfaction", rs.getObject("satisfaction"));
			return record;
		}).list());
		feedback.put("rumourReports", this.jdbc.sql("""
				select text, language, location, flagged_at from feedback_rumour_report where contact_id = ? order by id
				""").param(subject.contactId()).query((rs, n) -> {
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("text", rs.getString(1));
			report.put("language", rs.getString(2));
			report.put("location", rs.getString(3));
			report.put("flaggedAt", rs.getTimestamp(4).toInstant().toString());
			return report;
		}).list());
		feedback.put("programmeReferrals", this.jdbc.sql("""
				select programme, category, status, note, response, referred_at from feedback_programme_referral
				where conversation_id = any(?::bigint[]) order by id
				""").param(subject.conversationArray()).query((rs, n) -> {
			Map<String, Object> referral = new LinkedHashMap<>();
			referral.put("programme", rs.getString(1));
			referral.put("category", rs.getString(2));
			referral.put("status", rs.getString(3));
			referral.put("note", rs.getString(4));
			referral.put("response", rs.getString(5));
			referral.put("referredAt", rs.getTimestamp(6).toInstant().toString());
			return referral;
		}).list());
		return feedback;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int rumours = this.jdbc.sql("update feedback_rumour_report set text = null where contact_id = ? and text is not null")
			.param(subject.contactId())
			.update();
		int notes = this.jdbc.sql("""
				update feedback_programme_referral set note = null, response = null
				where conversation_id = any(?::bigint[]) and (note is not null or response is not null)
				""").param(subject.conversationArray()).update();
		// the records stay and count, without what the person's demographics said (they are erased too,
		// so a later refresh of a record comes to the same)
		RecordLock.holdAll(this.jdbc, subject.conversationIds());
		this.jdbc.sql("""
				update feedback_log set gender = null, age_range = null, location = null, migrant_status = null
				where conversation_id = any(?::bigint[])
				""").param(subject.conversationArray()).update();
		return Map.of(DataTypes.RUMOUR_TEXTS, rumours, DataTypes.CASE_NOTES, notes);
	}

}
