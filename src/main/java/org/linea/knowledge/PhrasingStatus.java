package org.linea.knowledge;

/** A learned phrasing's review: only approved ones join the bot's index. */
public enum PhrasingStatus {
	PROPOSED, APPROVED, REJECTED
}
