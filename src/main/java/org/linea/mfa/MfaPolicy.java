package org.linea.mfa;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.linea.access.LineaUser;
import org.linea.access.Membership;
import org.linea.access.Role;
import org.linea.access.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must sign in with a second step: installation and organisation admins and safeguarding focal
 * points always; everyone of an organisation that chose to require it of all its staff.
 */
@Service
public class MfaPolicy {

	static final Set<Role> ALWAYS_REQUIRED = EnumSet.of(Role.INSTALLATION_ADMIN, Role.ADMIN, Role.SAFEGUARDING);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MfaPolicy(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public boolean required(LineaUser user) {
		return required(List.copyOf(user.memberships()));
	}

	@Transactional(readOnly = true)
	public boolean required(List<Membership> memberships) {
		if (memberships.stream().anyMatch(m -> ALWAYS_REQUIRED.contains(m.role()))) {
			return true;
		}
		Long[] organisations = memberships.stream().map(Membership::organisationId).filter(Objects::nonNull).toArray(Long[]::new);
		return organisations.length > 0 && this.jdbc
			.sql("select exists (select 1 from mfa_organisation_policy where organisation_id = any(?) and staff_required)")
			.param(organisations)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Set<Long> organisationsRequiringStaff() {
		return Set.copyOf(this.jdbc.sql("select organisation_id from mfa_organisation_policy where staff_required")
			.query(Long.class)
			.list());
	}

	@Transactional
	public void requireOfAllStaff(long organisationId, boolean required, long changedBy) {
		this.jdbc.sql("""
				insert into mfa_organisation_policy (organisation_id, staff_required, changed_by) values (?, ?, ?)
				on conflict (organisation_id) do update
				set staff_required = excluded.staff_required, changed_at = now(), changed_by = excluded.changed_by
				""").params(organisationId, required, changedBy).update();
		this.audit.record(organisationId, "MFA_POLICY_CHANGED", "organisation", Long.toString(organisationId),
				Map.of("staffRequired", required));
	}

}
