package org.linea.inbox;

import java.util.Collection;
import java.util.Set;

import org.linea.access.LineaUser;

/**
 * What the inbox asks before it shows a conversation's content: which conversations a case keeps to
 * the organisation's focal points, and which of those are kept even from a given focal point. The
 * safeguarding module answers; the inbox only depends on this question, not on how cases are kept.
 */
public interface RestrictedConversations {

	/** Of these conversations, those whose content only the organisation's focal points may open. */
	Set<Long> restrictedCases(Collection<Long> conversationIds);

	/** Of these conversations, those kept from this user even when they are a focal point. */
	Set<Long> casesKeptFrom(LineaUser user, Collection<Long> conversationIds);

	/** Whether the user is a focal point of the organisation, who opens its cases. */
	boolean focalPoint(LineaUser user, long organisationId);

}
