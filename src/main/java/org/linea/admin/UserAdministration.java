package org.linea.admin;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Membership;
import org.linea.access.Organisation;
import org.linea.access.UserService;
import org.linea.access.UserSummary;
import org.linea.access.NewUserForm;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin page's changes to accounts and roles, each checked: an organisation administrator
 * manages the users of their organisation and its roles, never an installation-wide role; only an
 * installation administrator makes another. {@link UserService} does the unchecked work.
 */
@Service
public class UserAdministration {

	private final UserService users;

	UserAdministration(UserService users) {
		this.users = users;
	}

	/** The users the current user administers, with only the roles held where they administer. */
	@Transactional(readOnly = true)
	public List<UserSummary> visible() {
		LineaUser me = CurrentUser.require();
		if (me.isInstallationAdmin()) {
			return this.users.all();
		}
		Set<Long> mine = me.organisationsWhere(Permission.ORG_ADMIN);
		return this.users.all()
			.stream()
			.filter(u -> u.memberships().stream().anyMatch(m -> mine.contains(m.organisationId())))
			.map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.enabled(), u.lastLoginAt(),
					u.memberships().stream().filter(m -> mine.contains(m.organisationId())).toList()))
			.toList();
	}

	/** Ids of the users {@link #visible()} lists. */
	@Transactional(readOnly = true)
	public Set<Long> visibleIds() {
		return visible().stream().map(UserSummary::id).collect(Collectors.toSet());
	}

	@Transactional
	public long create(NewUserForm form) {
		LineaUser me = CurrentUser.require();
		if (form.role() == null) {
			if (!me.isInstallationAdmin()) {
				throw new InvalidRequestException("error.admin.choose-role-new-user");
			}
		}
		else {
			requireMayGrant(form.organisationId(), form.role());
		}
		return this.users.create(form);
	}

	@Transactional
	public void grant(long userId, Long organisationId, Role role) {
		requireMayGrant(organisationId, role);
		requireVisible(userId);
		this.users.grant(userId, organisationId, role);
	}

	@Transactional
	public void revoke(long userId, Long organisationId, Role role) {
		requireMayGrant(organisationId, role);
		requireVisible(userId);
		if (role == Role.INSTALLATION_ADMIN && CurrentUser.require().id() == userId) {
			throw new InvalidRequestException("error.admin.you-remove-your-own");
		}
		this.users.revoke(userId, organisationId, role);
	}

	@Transactional
	public void setEnabled(long userId, boolean enabled) {
		requireManaged(userId);
		this.users.setEnabled(userId, enabled);
	}

	@Transactional
	public void setPassword(long userId, String password) {
		requireManaged(userId);
		this.users.setPassword(userId, password);
	}

	/** An installation-wide role only by an installation administrator; any other in an organisation one administers. */
	private static void requireMayGrant(Long organisationId, Role role) {
		if (role.isInstallationWide()) {
			if (organisationId != null) {
				throw new InvalidRequestException("error.admin.role-applies-whole-installation");
			}
			Access.requireInstallation(Permission.INSTALLATION_ADMIN);
			return;
		}
		if (organisationId == null) {
			throw new InvalidRequestException("error.admin.choose-organisation-role-applies");
		}
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
	}

	/** The roles the user holds in the organisation, for a caller who administers it. */
	@Transactional(readOnly = true)
	public Set<Role> rolesIn(long userId, long organisationId) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		requireVisible(userId);
		return this.users.findById(userId)
			.orElseThrow()
			.memberships()
			.stream()
			.filter(m -> Long.valueOf(organisationId).equals(m.organisationId()))
			.map(Membership::role)
			.collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
	}

	/** Gives the user exactly these roles in the organisation: those missing are granted, the others removed. */
	@Transactional
	public void setRoles(long userId, long organisationId, Set<Role> roles) {
		Set<Role> held = rolesIn(userId, organisationId);
		for (Role role : roles) {
			if (!held.contains(role)) {
				grant(userId, organisationId, role);
			}
		}
		for (Role role : held) {
			if (!roles.contains(role)) {
				revoke(userId, organisationId, role);
			}
		}
	}

	private void requireVisible(long userId) {
		LineaUser me = CurrentUser.require();
		LineaUser target = this.users.findById(userId).orElseThrow(() -> new NotFoundException("error.missing.user", userId));
		if (!me.isInstallationAdmin() && target.memberships().stream()
			.noneMatch(m -> m.organisationId() != null && me.can(m.organisationId(), Permission.ORG_ADMIN))) {
			throw new NotFoundException("error.missing.user", userId);
		}
	}

	/**
	 * Password and sign-in of an account only by who administers every organisation it works in: an
	 * organisation administrator could otherwise take over an account of another organisation.
	 */
	private void requireManaged(long userId) {
		requireVisible(userId);
		LineaUser me = CurrentUser.require();
		if (me.isInstallationAdmin()) {
			return;
		}
		LineaUser target = this.users.findById(userId).orElseThrow();
		boolean all = target.memberships().stream()
			.allMatch(m -> m.organisationId() != null && me.can(m.organisationId(), Permission.ORG_ADMIN));
		if (!all) {
			throw new AccessDeniedException("This account also works for another organisation: ask an installation administrator");
		}
	}

}
