package org.linea.privacy;

import org.linea.access.RolePermissions;
import org.linea.access.Access;
import org.linea.access.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Showing a contact's full number is a permission of its own ({@link Permission#CONTACT_REVEAL}),
 * which each line narrows to some of the roles holding it: by default coordinators, specialists and
 * safeguarding focal points, not operators. The organisation's administrator chooses.
 */
@Service
public class RevealRoles {

	public static final Set<Role> DEFAULT = EnumSet.of(Role.COORDINATOR, Role.SPECIALIST, Role.SAFEGUARDING);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RevealRoles(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The roles that may reveal on the line. */
	@Transactional(readOnly = true)
	public Set<Role> of(long lineId) {
		List<Role> chosen = this.jdbc.sql("select role from access_reveal_role where line_id = ?").param(lineId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.list();
		return chosen.isEmpty() ? EnumSet.copyOf(DEFAULT) : EnumSet.copyOf(chosen);
	}

	/** The roles that can be chosen: those holding the permission at all. */
	public static Set<Role> eligible() {
		return RolePermissions.holding(Permission.CONTACT_REVEAL)
			.stream()
			.filter(r -> !r.isInstallationWide())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	/** Whether the user may reveal on the line: one of their roles in its organisation is chosen for it. */
	public boolean allows(LineaUser user, Line line) {
		Set<Role> chosen = of(line.id());
		return user.memberships()
			.stream()
			.anyMatch(m -> m.organisationId() != null && m.organisationId() == line.organisationId() && chosen.contains(m.role())
					&& RolePermissions.grants(m.role(), Permission.CONTACT_REVEAL));
	}

	/** Refuses the current user unless they may reveal on the line (the line permission is checked first). */
	public void require(Line line) {
		Access.require(line.organisationId(), Permission.CONTACT_REVEAL, "error.missing.line", line.key());
		if (!allows(CurrentUser.require(), line)) {
			throw new AccessDeniedException("Your role does not show full numbers on this line");
		}
	}

	/** Chooses the roles that may reveal on the line: the organisation's administrators only. */
	@Transactional
	public void choose(Line line, Set<Role> roles) {
		Access.require(line.organisationId(), Permission.ORG_ADMIN, "error.missing.line", line.key());
		if (roles.isEmpty() || !eligible().containsAll(roles)) {
			throw new InvalidRequestException("error.privacy.choose-among-coordinator-operator");
		}
		this.jdbc.sql("delete from access_reveal_role where line_id = ?").param(line.id()).update();
		roles.forEach(role -> this.jdbc.sql("insert into access_reveal_role (line_id, role) values (?, ?)")
			.params(line.id(), role.name())
			.update());
		this.audit.record(line.organisationId(), "REVEAL_ROLES_SET", "line", line.key(),
				Map.of("roles", roles.stream().map(Role::name).sorted().toList()));
	}

}
