package org.linea.feedback.rumour;

import java.util.List;

import org.linea.access.Permission;
import org.linea.access.Access;
import org.linea.access.LineaUser;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which organisation a rumour group belongs to, for the one permission check ({@link Access}). */
@Component
class RumourAccess {

	private final JdbcClient jdbc;

	RumourAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The signed-in user, if they hold the permission in the group's organisation. */
	LineaUser require(long rumourId, Permission permission) {
		return Access.require(organisationOf(rumourId), permission, "error.missing.rumour", rumourId);
	}

	List<Long> lineIdsOf(long rumourId) {
		return this.jdbc.sql("select distinct line_id from feedback_rumour_report where rumour_id = ? order by 1").param(rumourId)
			.query(Long.class).list();
	}

	long organisationOf(long rumourId) {
		return this.jdbc.sql("select organisation_id from feedback_rumour where id = ?").param(rumourId).query(Long.class)
			.optional().orElseThrow(() -> new NotFoundException("error.missing.rumour", rumourId));
	}


}
