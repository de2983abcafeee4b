package org.linea.access;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.linea.access.Permission;
import org.linea.access.RolePermissions;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member, with the roles they hold in each organisation. */
public final class LineaUser implements UserDetails, CredentialsContainer, Serializable {

	// kept in the session store (Spring Session JDBC): a new field must keep old sessions readable
	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final Set<Membership> memberships;

	public LineaUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			Set<Membership> memberships) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.memberships = Set.copyOf(memberships);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Membership> memberships() {
		return this.memberships;
	}

	/** Holds the installation-wide administrator role. */
	public boolean isInstallationAdmin() {
		return this.memberships.stream().anyMatch(m -> m.role() == Role.INSTALLATION_ADMIN);
	}

	/**
	 * Holds a role in the organisation. An installation administrator counts as a member (they see
	 * which organisations and lines exist) without holding any of the organisation's permissions.
	 */
	public boolean isMemberOf(long organisationId) {
		return this.memberships.stream().anyMatch(m -> m.appliesTo(organisationId));
	}

	/** Whether one of the user's roles gives the permission in the organisation. */
	public boolean can(long organisationId, Permission permission) {
		return this.memberships.stream()
			.anyMatch(m -> m.appliesTo(organisationId) && RolePermissions.grants(m.role(), permission));
	}

	/** Whether one of the user's roles gives the permission in some organisation or installation-wide. */
	public boolean canSomewhere(Permission permission) {
		return this.memberships.stream().anyMatch(m -> RolePermissions.grants(m.role(), permission));
	}

	/** Whether an installation-wide role gives the permission. */
	public boolean canInstallationWide(Permission permission) {
		return this.memberships.stream()
			.anyMatch(m -> m.organisationId() == null && RolePermissions.grants(m.role(), permission));
	}

	/** The organisations where one of the user's own roles gives the permission (installation roles excluded). */
	public Set<Long> organisationsWhere(Permission permission) {
		return this.memberships.stream()
			.filter(m -> m.organisationId() != null && RolePermissions.grants(m.role(), permission))
			.map(Membership::organisationId)
			.collect(Collectors.toSet());
	}

	/**
	 * Every permission held somewhere, so pages can ask {@code sec:authorize="hasAuthority('INBOX_READ')"}
	 * for what to offer (the organisation is checked on use), and ROLE_INSTALLATION_ADMIN, the only
	 * role that holds everywhere. An organisation's roles are no authority: ROLE_ADMIN of one
	 * organisation must never read as administrator of all.
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		Stream<String> installation = isInstallationAdmin() ? Stream.of(Role.INSTALLATION_ADMIN.authority()) : Stream.empty();
		return Stream.concat(installation,
				this.memberships.stream().flatMap(m -> RolePermissions.of(m.role()).stream()).map(Permission::name))
			.distinct()
			.map(SimpleGrantedAuthority::new)
			.toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LineaUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "LineaUser[" + this.username + "]";
	}

}
