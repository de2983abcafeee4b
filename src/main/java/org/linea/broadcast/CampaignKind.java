package org.linea.broadcast;

/** What a broadcast is for, which says who it lists and what consent each turn needs. */
public enum CampaignKind {

	/** To an audience of the consent ledger, listed when it starts. */
	BROADCAST,
	/** "You said, we did": to the people who raised feedback themes or rumours, listed when created; BROADCASTS consent. */
	ANNOUNCEMENT,
	/** A closing line's last message to everyone who wrote in lately, listed when created: a service message (opt-outs honoured). */
	CLOSURE;

	/** Its people are listed when it is created, not read from its audience when it starts. */
	boolean listedAtCreation() {
		return this != BROADCAST;
	}

	/** A service message about the line itself: no purpose consent, only opt-outs and erasure stop it. */
	boolean service() {
		return this == CLOSURE;
	}

}
