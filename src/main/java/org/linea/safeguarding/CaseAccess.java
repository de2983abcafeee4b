package org.linea.safeguarding;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.LineaUser;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Who may read and work a case's content: the SAFEGUARDING members of its organisation. Anyone outside
 * the organisation is told it does not exist; other members are refused.
 */
@Component
class CaseAccess {

	private final CaseRepository cases;

	CaseAccess(CaseRepository cases) {
		this.cases = cases;
	}

	/** The case, if the current user is a focal point of its organisation; else not found or refused. */
	SafeguardingCase requireContent(long caseId) {
		SafeguardingCase found = this.cases.find(caseId).orElseThrow(() -> new NotFoundException("error.missing.case", caseId));
		LineaUser me = Access.require(found.organisationId(), Permission.SAFEGUARDING_HANDLE, "error.missing.case", caseId);
		if (this.cases.keptFrom(caseId, me.id())) {
			// a report against them or their team: for them it does not exist
			throw new NotFoundException("error.missing.case", caseId);
		}
		return found;
	}

	/** The case as {@link #requireContent}, and still open to be worked on. */
	SafeguardingCase requireOpen(long caseId) {
		SafeguardingCase found = requireContent(caseId);
		if (!found.isOpen()) {
			throw new org.linea.shared.InvalidRequestException("error.safeguarding.case-closed", found.code());
		}
		return found;
	}

	static boolean focalPoint(LineaUser user, long organisationId) {
		return user.can(organisationId, Permission.SAFEGUARDING_HANDLE);
	}

}
