package org.linea.conversation;

import java.util.Collection;
import java.util.Set;

/**
 * Which open conversations an inbox lists.
 *
 * @param lineIds the lines to look in (those the user works on)
 * @param teamId one queue, or null for all
 * @param assigneeId only those held by this user, or null
 * @param unassignedOnly only those nobody holds yet
 * @param code a contact code or its beginning, or null
 * @param tag a tag, or null
 * @param text words the person or staff wrote, or null
 * @param states which open states to list (BOT, QUEUED, ASSIGNED)
 */
public record QueueFilter(Collection<Long> lineIds, Long teamId, Long assigneeId, boolean unassignedOnly, String code,
		String tag, String text, Set<ConversationState> states, int limit) {
}
