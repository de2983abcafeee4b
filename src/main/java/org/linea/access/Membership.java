package org.linea.access;

import java.io.Serializable;

/** A role held in one organisation; {@code organisationId} null for the installation-wide role. */
public record Membership(Long organisationId, Role role) implements Serializable {

	/** Whether the role counts in the organisation: held there, or installation-wide. */
	public boolean appliesTo(long organisation) {
		return this.organisationId == null || this.organisationId == organisation;
	}

}
