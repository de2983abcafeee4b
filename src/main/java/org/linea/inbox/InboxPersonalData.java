package org.linea.inbox;

import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Referrals to specialists and services: their staff notes are about the person. */
@Configuration(proxyBeanMethods = false)
class InboxPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	InboxPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Bean
	static RetentionTarget referralNotes(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.CASE_NOTES, "inbox_referral", "note = null",
				"line_id = ? and created_at < ? and note is not null");
	}

	@Override
	public String section() {
		return "referrals";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.jdbc.sql("""
				select service, status, appointment_at, note, created_at from inbox_referral
				where conversation_id = any(?::bigint[]) order by id
				""").param(subject.conversationArray()).query((rs, n) -> Map.of("service", rs.getString(1), "status",
				rs.getString(2), "appointmentAt", String.valueOf(rs.getTimestamp(3)), "note", String.valueOf(rs.getString(4)),
				"createdAt", rs.getTimestamp(5).toInstant().toString())).list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int notes = this.jdbc.sql("update inbox_referral set note = null where conversation_id = any(?::bigint[]) and note is not null")
			.param(subject.conversationArray())
			.update();
		return Map.of(DataTypes.CASE_NOTES, notes);
	}


}
