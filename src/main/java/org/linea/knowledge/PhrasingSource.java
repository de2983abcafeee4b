package org.linea.knowledge;

/** Where a learned phrasing came from. */
public enum PhrasingSource {

	/** An operator answered the person's message by inserting the entry as a quick reply. */
	QUICK_REPLY,

	/** An operator marked the bot's answer wrong and named the right entry. */
	CORRECTED,

	/** A coordinator assigned a question the bot could not answer to an entry. */
	ASSIGNED,

	/** Imported with its entry through the API (reviewed by whoever imported it). */
	IMPORTED

}
