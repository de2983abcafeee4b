package org.linea.survey;

import java.io.Serializable;
import java.util.Map;

/**
 * What an invitation did.
 *
 * @param skipped people not asked, by reason: optedOut, busy (taking a survey), alreadyInvited (in this
 * wave), windowClosed (WhatsApp's 24-hour window is closed: a free-form question would not arrive),
 * invalidPhone
 */
// Serializable: the page shows it once after a redirect, and flash attributes live in the session table
public record Invited(int wave, int invited, Map<String, Integer> skipped) implements Serializable {

	/** How many were skipped, whatever the reason. */
	public int skippedCount() {
		return this.skipped.values().stream().mapToInt(Integer::intValue).sum();
	}

}
