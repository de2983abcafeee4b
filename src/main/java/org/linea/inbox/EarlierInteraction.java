package org.linea.inbox;

import java.time.Instant;
import java.util.List;

/**
 * An interaction the same number had before the one on screen.
 *
 * @param restricted whether its content is hidden from the viewer (a safeguarding case, a restricted team)
 * @param messages what was said, empty when restricted
 */
record EarlierInteraction(long conversationId, Instant openedAt, Instant closedAt, boolean restricted,
		List<MessageView> messages) {
}
