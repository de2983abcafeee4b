package org.linea.admin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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

	/** Installation-wide administrator. */
	public boolean isAdmin() {
		return this.memberships.stream().anyMatch(m -> m.organisationId() == null && m.role() == Role.ADMIN);
	}

	/** Holds any role in the organisation (an installation-wide admin belongs to every one). */
	public boolean isMemberOf(long organisationId) {
		return isAdmin() || this.memberships.stream().anyMatch(m -> m.appliesTo(organisationId));
	}

	/** Holds one of the roles in the organisation (an installation-wide admin holds every role). */
	public boolean hasRole(long organisationId, Role... roles) {
		if (isAdmin()) {
			return true;
		}
		List<Role> wanted = Arrays.asList(roles);
		return this.memberships.stream().anyMatch(m -> m.appliesTo(organisationId) && wanted.contains(m.role()));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.memberships.stream().map(m -> new SimpleGrantedAuthority(m.role().authority())).distinct().toList();
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
