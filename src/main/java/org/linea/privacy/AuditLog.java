package org.linea.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.linea.admin.CurrentUser;
import org.linea.admin.LineaUser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what to which record, and when: every reveal or export of personal data, every change of
 * accounts and roles. Written in the caller's transaction, so an action and its record land together.
 * Details never hold personal data themselves.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String subjectType, String subjectId, Map<String, ?> detail) {
		record(null, action, subjectType, subjectId, detail);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Long organisationId, String action, String subjectType, String subjectId, Map<String, ?> detail) {
		LineaUser user = CurrentUser.find().orElse(null);
		this.jdbc.sql("""
				insert into privacy_audit_log (user_id, username, organisation_id, action, subject_type, subject_id, detail)
				values (?, ?, ?, ?, ?, ?, ?::jsonb)
				""")
			.params(user == null ? null : user.id(), user == null ? "system" : user.getUsername(), organisationId, action,
					subjectType, subjectId, this.json.writeValueAsString(detail))
			.update();
	}

	/** The latest entries about these organisations or about these users' accounts. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recentAbout(Collection<Long> organisationIds, Collection<Long> userIds, int limit) {
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, detail::text as detail
				from privacy_audit_log
				where organisation_id = any(?) or (subject_type = 'user' and subject_id = any(?))
				order by id desc limit ?
				""")
			.params(organisationIds.toArray(Long[]::new), userIds.stream().map(String::valueOf).toArray(String[]::new), limit)
			.query(AuditEntry.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit) {
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, detail::text as detail
				from privacy_audit_log order by id desc limit ?
				""").param(limit).query(AuditEntry.class).list();
	}

}
