package org.linea.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.linea.access.Role;

/** The one place that says which role may do what. */
public final class RolePermissions {

	private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

	static {
		// every organisation's administration, none of its people: no inbox, contacts or reports
		GRANTS.put(Role.INSTALLATION_ADMIN, EnumSet.of(Permission.INSTALLATION_ADMIN, Permission.ORG_ADMIN));
		GRANTS.put(Role.ADMIN, EnumSet.of(Permission.ORG_ADMIN, Permission.TEAM_MANAGE, Permission.RESTRICTED_TEAM_MANAGE,
				Permission.PRIVACY_MANAGE, Permission.LINE_CLOSE));
		GRANTS.put(Role.COORDINATOR, EnumSet.of(Permission.INBOX_READ, Permission.INBOX_REPLY, Permission.INBOX_SUPERVISE,
				Permission.CONTACT_REVEAL, Permission.SIMULATOR_USE, Permission.KNOWLEDGE_READ, Permission.KNOWLEDGE_EDIT,
				Permission.BOT_REVIEW, Permission.TEAM_MANAGE, Permission.FEEDBACK_CODE, Permission.FEEDBACK_RECORD_READ,
				Permission.REPORT_READ, Permission.REPORT_EDIT, Permission.CODEBOOK_EDIT, Permission.RUMOUR_FLAG,
				Permission.RUMOUR_READ, Permission.RUMOUR_EDIT, Permission.SAFEGUARDING_CASES, Permission.SAFEGUARDING_SETTINGS,
				Permission.PRIVACY_MANAGE, Permission.AUDIENCE_MANAGE, Permission.BROADCAST_SEND, Permission.SURVEY_MANAGE,
				Permission.LINE_CLOSE));
		GRANTS.put(Role.OPERATOR, EnumSet.of(Permission.INBOX_READ, Permission.INBOX_REPLY, Permission.CONTACT_REVEAL,
				Permission.SIMULATOR_USE, Permission.KNOWLEDGE_READ, Permission.FEEDBACK_CODE, Permission.FEEDBACK_RECORD_READ,
				Permission.RUMOUR_FLAG, Permission.SAFEGUARDING_CASES));
		GRANTS.put(Role.SPECIALIST, EnumSet.of(Permission.INBOX_READ, Permission.INBOX_REPLY, Permission.CONTACT_REVEAL,
				Permission.SIMULATOR_USE, Permission.KNOWLEDGE_READ, Permission.RUMOUR_FLAG, Permission.SAFEGUARDING_CASES));
		GRANTS.put(Role.SAFEGUARDING, EnumSet.of(Permission.INBOX_READ, Permission.INBOX_REPLY, Permission.CONTACT_REVEAL,
				Permission.SIMULATOR_USE, Permission.RUMOUR_FLAG, Permission.SAFEGUARDING_CASES, Permission.SAFEGUARDING_HANDLE,
				Permission.SAFEGUARDING_SETTINGS));
		GRANTS.put(Role.ANALYST, EnumSet.of(Permission.REPORT_READ, Permission.FEEDBACK_RECORD_READ, Permission.RUMOUR_READ));
		for (Role role : Role.values()) {
			GRANTS.computeIfAbsent(role, r -> EnumSet.noneOf(Permission.class)).add(Permission.SIGNED_IN);
			GRANTS.get(role).add(Permission.PUBLIC);
		}
	}

	private RolePermissions() {
	}

	public static boolean grants(Role role, Permission permission) {
		return GRANTS.get(role).contains(permission);
	}

	/** The permissions of a role, for pages that explain roles. */
	public static Set<Permission> of(Role role) {
		return EnumSet.copyOf(GRANTS.get(role));
	}

	/** The roles holding a permission. */
	public static Set<Role> holding(Permission permission) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		GRANTS.forEach((role, permissions) -> {
			if (permissions.contains(permission)) {
				roles.add(role);
			}
		});
		return roles;
	}

}
