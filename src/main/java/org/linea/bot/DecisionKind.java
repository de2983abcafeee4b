package org.linea.bot;

/** What the bot did with a message. */
public enum DecisionKind {

	/** answered from a validated entry */
	ANSWER,
	/** offered two or three close entries to choose from by number */
	MENU,
	/** greeted or thanked back; no question to answer */
	GREETING,
	/** handed to a person: asked for one, a personal case, or nothing in the bank answers it */
	HANDOFF,
	/** a disclosure of abuse, exploitation, violence, risk to life or fraud by staff: handed over, never answered */
	SENSITIVE;

	public boolean handsOver() {
		return this == HANDOFF || this == SENSITIVE;
	}

}
