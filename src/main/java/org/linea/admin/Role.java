package org.linea.admin;

/** What a user may do, held per organisation (ADMIN may also be installation-wide). */
public enum Role {

	ADMIN, COORDINATOR, OPERATOR, SPECIALIST, SAFEGUARDING, ANALYST;

	public String authority() {
		return "ROLE_" + name();
	}

}
