package org.linea.inbox;

/** A team of a line with its own queue: general, health, psychosocial support, or one a coordinator adds. */
public record Team(long id, long lineId, String key, String name, boolean autoAssign) {

	public static final String GENERAL = "general";

	public static final String HEALTH = "health";

	public static final String PSS = "pss";

}
