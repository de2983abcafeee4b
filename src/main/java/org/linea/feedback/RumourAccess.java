package org.linea.feedback;

import java.util.List;

import org.linea.admin.CurrentUser;
import org.linea.admin.LineaUser;
import org.linea.admin.Role;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a rumour group: a group belongs to an organisation; someone outside it is
 * told the group does not exist, a member without the role is refused.
 */
@Component
class RumourAccess {

	/** Who may flag a rumour: everyone who works in the inbox. */
	static final Role[] FLAGGERS = { Role.COORDINATOR, Role.OPERATOR, Role.SPECIALIST, Role.SAFEGUARDING };

	/** Who may change a group, read what people said and send the counter-message. */
	static final Role[] EDITORS = { Role.COORDINATOR };

	private final JdbcClient jdbc;

	RumourAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The signed-in user, if they hold one of the roles in the group's organisation. */
	LineaUser require(long rumourId, Role... roles) {
		return require(organisationOf(rumourId), roles, "Rumour " + rumourId);
	}

	List<Long> lineIdsOf(long rumourId) {
		return this.jdbc.sql("select distinct line_id from feedback_rumour_report where rumour_id = ? order by 1").param(rumourId)
			.query(Long.class).list();
	}

	long organisationOf(long rumourId) {
		return this.jdbc.sql("select organisation_id from feedback_rumour where id = ?").param(rumourId).query(Long.class)
			.optional().orElseThrow(() -> new NotFoundException("Rumour " + rumourId));
	}


	/** The signed-in user if they hold one of the roles; someone outside the organisation is told it does not exist. */
	static LineaUser require(long organisationId, Role[] roles, String what) {
		LineaUser me = CurrentUser.require();
		if (!me.isMemberOf(organisationId)) {
			throw new NotFoundException(what);
		}
		if (!me.hasRole(organisationId, roles)) {
			throw new AccessDeniedException("Your role does not allow this on rumours");
		}
		return me;
	}


}
