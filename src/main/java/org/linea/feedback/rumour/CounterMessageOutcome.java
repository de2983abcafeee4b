package org.linea.feedback.rumour;

/** How a person who raised a rumour was sent its counter-message, or why not. */
public enum CounterMessageOutcome {

	/** Sent as text, inside the reply window (or on a channel without one). */
	TEXT,
	/** Sent by an approved template, the window being closed. */
	TEMPLATE,
	OPTED_OUT,
	/** The window is closed and the line has no usable template of the chosen name. */
	NO_TEMPLATE,
	/** The person's line has no validated entry with the counter-message's key. */
	NO_ANSWER

}
