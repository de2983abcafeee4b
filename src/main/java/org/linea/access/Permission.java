package org.linea.access;

/**
 * What can be done in Linea. Roles are given permissions in {@link RolePermissions}, the only place
 * that says which role may do what; every route declares the permission it needs with
 * {@link Requires}, and services check it with {@link Access}.
 */
public enum Permission {

	/** No sign-in: the handler checks something else itself (a provider's signature, the login form). */
	PUBLIC(Scope.NONE),

	/** Any signed-in staff member, about themselves (profile, tokens, home page). */
	SIGNED_IN(Scope.NONE),

	/** See a line's queue and open its conversations (the content of restricted ones needs team membership). */
	INBOX_READ(Scope.ORGANISATION),

	/** Claim, reply, note, escalate, tag, refer and close conversations. */
	INBOX_REPLY(Scope.ORGANISATION),

	/** Close conversations others hold. */
	INBOX_SUPERVISE(Scope.ORGANISATION),

	/** Show a contact's full number (asks for a reason, audited; lines may narrow the roles). */
	CONTACT_REVEAL(Scope.ORGANISATION),

	/** Write to a line through the built-in simulator. */
	SIMULATOR_USE(Scope.ORGANISATION),

	/** Read a line's knowledge bank. */
	KNOWLEDGE_READ(Scope.ORGANISATION),

	/** Edit, import, validate and restore knowledge entries and topics. */
	KNOWLEDGE_EDIT(Scope.ORGANISATION),

	/** Try the bot, review its decisions and what it could not answer. */
	BOT_REVIEW(Scope.ORGANISATION),

	/** Create teams, add and remove members, switch automatic assignment. */
	TEAM_MANAGE(Scope.ORGANISATION),

	/** Restrict a team to its members, and choose the members of a restricted team (who may read what it holds). */
	RESTRICTED_TEAM_MANAGE(Scope.ORGANISATION),

	/** Correct an interaction's coding and follow programme referrals. */
	FEEDBACK_CODE(Scope.ORGANISATION),

	/** Open one feedback-log record. */
	FEEDBACK_RECORD_READ(Scope.ORGANISATION),

	/** Read dashboards, the feedback log, weekly reports and exports (never raw message text). */
	REPORT_READ(Scope.ORGANISATION),

	/** Write the weekly report's decisions. */
	REPORT_EDIT(Scope.ORGANISATION),

	/** Edit the organisation's codebook. */
	CODEBOOK_EDIT(Scope.ORGANISATION),

	/** Flag a message as a rumour. */
	RUMOUR_FLAG(Scope.ORGANISATION),

	/** Import people with their consent evidence and see how many an audience reaches. */
	AUDIENCE_MANAGE(Scope.ORGANISATION),

	/** Create, start, pause, resume and cancel broadcasts, and see their progress. */
	BROADCAST_SEND(Scope.ORGANISATION),

	/** See rumour groups: their neutral titles and figures, never what people wrote. */
	RUMOUR_READ(Scope.ORGANISATION),

	/** Title, triage and answer rumour groups, and read the reports they group. */
	RUMOUR_EDIT(Scope.ORGANISATION),

	/** See that safeguarding cases exist: their codes, times and status, never their content or category. */
	SAFEGUARDING_CASES(Scope.ORGANISATION),

	/** Handle safeguarding cases as a focal point: read them, acknowledge, note, refer, follow up, close, mark not sensitive. */
	SAFEGUARDING_HANDLE(Scope.ORGANISATION),

	/** Import surveys, invite people, read and export the answers (free-text answers are personal data). */
	SURVEY_MANAGE(Scope.ORGANISATION),

	/**
	 * Set up a line's safeguarding: its referral map of services, safe replies, emergency numbers,
	 * re-alert minutes, on-call rota, and the organisation's investigation focal points.
	 */
	SAFEGUARDING_SETTINGS(Scope.ORGANISATION),

	/**
	 * A line's privacy: set retention, purge now, find, export and erase a person, confirm erasures
	 * people asked for (every step audited).
	 */
	PRIVACY_MANAGE(Scope.ORGANISATION),

	/** Close a line (its exit strategy): a last message with alternative contacts, then referrals to anyone writing in. */
	LINE_CLOSE(Scope.ORGANISATION),

	/** The organisation's lines, users, roles, channel credentials and audit log. */
	ORG_ADMIN(Scope.ORGANISATION),

	/** Organisations, installation settings and installation administrators. */
	INSTALLATION_ADMIN(Scope.INSTALLATION);

	/** Where a permission holds: nowhere in particular, in one organisation, or installation-wide. */
	public enum Scope {
		NONE, ORGANISATION, INSTALLATION
	}

	private final Scope scope;

	Permission(Scope scope) {
		this.scope = scope;
	}

	public Scope scope() {
		return this.scope;
	}

}
