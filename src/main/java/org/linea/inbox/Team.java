package org.linea.inbox;

/**
 * A team of a line with its own queue: general, health, psychosocial support, safeguarding, or one a
 * coordinator adds. Only the members of a restricted team open the conversations in its queue.
 */
public record Team(long id, long lineId, String key, String name, boolean autoAssign, boolean restricted) {

	public static final String GENERAL = "general";

	public static final String HEALTH = "health";

	public static final String PSS = "pss";

	public static final String SAFEGUARDING = "safeguarding";

}
