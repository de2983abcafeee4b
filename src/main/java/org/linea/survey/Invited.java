package org.linea.survey;

import java.util.Map;

/**
 * What an invitation did.
 *
 * @param skipped people not asked, by reason: optedOut, busy (taking a survey), alreadyInvited (in this
 * wave), windowClosed (WhatsApp's 24-hour window is closed: a free-form question would not arrive),
 * invalidPhone
 */
public record Invited(int wave, int invited, Map<String, Integer> skipped) {
}
