package org.linea.inbox;

import java.time.Instant;
import java.util.List;

import org.linea.conversation.ConversationState;

/**
 * A conversation as the inbox lists it: the person's code, never their number.
 *
 * @param windowClosesAt end of WhatsApp's 24-hour window, null on channels without one
 * @param restricted in a restricted team's queue the viewer is not in: it exists, its content is not shown
 * @param overdue whether it has waited longer than the line's response-time objective
 * @param replyInDoubt whether a reply may not have reached the person (its send was never confirmed)
 */
public record QueueEntry(long conversationId, String lineKey, String contactCode, String language, String channel,
		ConversationState state, String team, String holder, boolean heldByMe, String triage, List<String> tags, boolean restricted, int unread,
		Instant waitingSince, Instant windowClosesAt, boolean overdue, Instant lastMessageAt, boolean replyInDoubt) {
}
