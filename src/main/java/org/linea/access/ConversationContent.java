package org.linea.access;

import java.util.Collection;
import java.util.Set;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;

import org.springframework.security.access.AccessDeniedException;

/**
 * Need-to-know on what people wrote: whether a user may see a conversation's content (messages,
 * notes, media, the person's number), beyond holding a permission on its line. Implemented by the
 * inbox, which knows restricted teams; features showing conversation content ask here.
 */
public interface ConversationContent {

	/** Whether the user may open the conversation's content; the caller checked the line permission. */
	boolean visibleTo(LineaUser user, long conversationId);

	/** Of these conversations, those whose content the user may not see, for lists and searches. */
	Set<Long> hiddenFrom(LineaUser user, Collection<Long> conversationIds);

	/** Whether the user may see this stored media: that of every conversation it was sent in. */
	boolean mediaVisibleTo(LineaUser user, long mediaId);

	/** Refuses the current user unless they may see the stored media. */
	default void requireMedia(long mediaId) {
		if (!mediaVisibleTo(CurrentUser.require(), mediaId)) {
			throw new AccessDeniedException("This conversation is restricted to its team");
		}
	}

	/** Refuses the current user unless they may open the conversation's content. */
	default void require(long conversationId) {
		if (!visibleTo(CurrentUser.require(), conversationId)) {
			throw new AccessDeniedException("This conversation is restricted to its team");
		}
	}

}
