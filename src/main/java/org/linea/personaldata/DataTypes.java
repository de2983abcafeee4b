package org.linea.personaldata;

import java.util.List;

/** The data types Linea erases by retention; a module may register a type of its own. */
public final class DataTypes {

	/** What people and staff wrote: messages both ways, internal notes, outgoing texts, simulator threads. */
	public static final String MESSAGE_TEXTS = "message_texts";

	/** Media people sent (images, audio, documents). */
	public static final String MEDIA = "media";

	/** Phone numbers and profile names (and their keyed hashes). */
	public static final String IDENTIFIERS = "identifiers";

	/** Raw webhook payloads as providers delivered them. */
	public static final String PROVIDER_PAYLOADS = "provider_payloads";

	/** Questions the bot could not answer, kept for coordinators. */
	public static final String BOT_QUESTIONS = "bot_questions";

	/** What was said in a flagged rumour. */
	public static final String RUMOUR_TEXTS = "rumour_texts";

	/** Staff notes on referrals (health, PSS, programmes) and programmes' answers. */
	public static final String CASE_NOTES = "case_notes";

	/**
	 * What a safeguarding case holds: focal points' notes, referral and follow-up notes, the closing note
	 * and the messages of the case's conversation, kept for a period of its own.
	 */
	public static final String SAFEGUARDING_CASE_CONTENT = "safeguarding_case_content";

	/** The audit trail: its own, installation-wide period. */
	public static final String AUDIT = "audit";

	static final List<String> KNOWN = List.of(MESSAGE_TEXTS, MEDIA, IDENTIFIERS, PROVIDER_PAYLOADS, BOT_QUESTIONS, RUMOUR_TEXTS,
			CASE_NOTES);

	private DataTypes() {
	}

}
