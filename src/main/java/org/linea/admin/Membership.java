package org.linea.admin;

import java.io.Serializable;

/** A role held in one organisation; {@code organisationId} null means installation-wide. */
public record Membership(Long organisationId, Role role) implements Serializable {

	public boolean appliesTo(long organisation) {
		return this.organisationId == null || this.organisationId == organisation;
	}

}
