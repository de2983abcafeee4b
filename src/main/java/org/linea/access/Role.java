package org.linea.access;

/**
 * A role a user holds: {@link #INSTALLATION_ADMIN} installation-wide, every other in one
 * organisation ({@link #ADMIN} is the organisation's administrator). What each may do is said in
 * {@link org.linea.access.RolePermissions}.
 */
public enum Role {

	INSTALLATION_ADMIN, ADMIN, COORDINATOR, OPERATOR, SPECIALIST, SAFEGUARDING, ANALYST;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether the role is held installation-wide rather than in one organisation. */
	public boolean isInstallationWide() {
		return this == INSTALLATION_ADMIN;
	}

}
