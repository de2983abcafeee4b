package org.linea.access;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.linea.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;

/**
 * The one permission check. Someone who holds no role in the organisation is told the thing does not
 * exist (so other organisations' keys and ids do not leak); a member whose roles lack the permission
 * is refused.
 */
public final class Access {

	private Access() {
	}

	/**
	 * The signed-in user, if they hold the permission in the organisation.
	 * @param notFound the message key of the "not found" answer a non-member gets, naming the thing asked for
	 * ({@code error.missing.*}); {@code id} its argument
	 */
	public static LineaUser require(long organisationId, Permission permission, String notFound, Object id) {
		LineaUser me = CurrentUser.require();
		if (me.can(organisationId, permission)) {
			return me;
		}
		if (!me.isMemberOf(organisationId)) {
			throw new NotFoundException(notFound, id);
		}
		throw new AccessDeniedException("Your role does not allow " + permission + " here");
	}

	/** The signed-in user, if they hold the permission installation-wide. */
	public static LineaUser requireInstallation(Permission permission) {
		LineaUser me = CurrentUser.require();
		if (!me.canInstallationWide(permission)) {
			throw new AccessDeniedException("Only installation administrators may do this");
		}
		return me;
	}

	/** Whether the signed-in user holds the permission in the organisation. */
	public static boolean allows(long organisationId, Permission permission) {
		return CurrentUser.find().map(me -> me.can(organisationId, permission)).orElse(false);
	}

	/** Whether the signed-in user holds the permission in some organisation (or installation-wide). */
	public static boolean allowsSomewhere(Permission permission) {
		return CurrentUser.find().map(me -> me.canSomewhere(permission)).orElse(false);
	}

}
