package org.linea.safeguarding;

/** What a service of a line's referral map is. */
public enum ServiceKind {
	PROTECTION, HOTLINE, SHELTER, HEALTH, POLICE, OTHER
}
