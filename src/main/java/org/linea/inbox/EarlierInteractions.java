package org.linea.inbox;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.contact.ContactService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earlier interactions of the number on screen, never shown unasked. On the person's own phone
 * whoever may read the conversation may open them. On a shared (community) phone they are likely
 * someone else's: only the operator working the conversation (its holder, or a supervisor) may open
 * them, saying why. Every opening is audited with the interactions shown and the reason.
 */
@Service
class EarlierInteractions {

	/** More than this is not read in a pane: the latest ones. */
	static final int LIMIT = 10;

	private final ConversationService conversations;

	private final ContactService contacts;

	private final InboxAccess access;

	private final MessageViews messageViews;

	private final AuditLog audit;

	EarlierInteractions(ConversationService conversations, ContactService contacts, InboxAccess access, MessageViews messageViews,
			AuditLog audit) {
		this.conversations = conversations;
		this.contacts = contacts;
		this.access = access;
		this.messageViews = messageViews;
		this.audit = audit;
	}

	/** What the pane shows: the interactions, and the line's time zone to show their times in. */
	record Shown(ZoneId timeZone, boolean sharedPhone, List<EarlierInteraction> interactions) {
	}

	@Transactional
	Shown show(long conversationId, String reason) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_READ);
		LineaUser me = CurrentUser.require();
		boolean shared = this.contacts.isShared(conversation.contactId());
		String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
		if (shared) {
			boolean working = me.can(line.organisationId(), Permission.INBOX_REPLY)
					&& (conversation.isHeldBy(me.id()) || me.can(line.organisationId(), Permission.INBOX_SUPERVISE));
			if (!working) {
				throw new AccessDeniedException("Only the operator working this conversation may open a shared phone's earlier interactions");
			}
			if (why.length() < 5 || why.length() > 300) {
				throw new InvalidRequestException("error.inbox.say-why-you-earlier");
			}
		}
		List<Conversation> earlier = this.conversations.earlierOf(conversation, LIMIT);
		Set<Long> hidden = this.access.hiddenFrom(me, earlier.stream().map(Conversation::id).toList());
		List<EarlierInteraction> shown = earlier.stream()
			.map(c -> new EarlierInteraction(c.id(), c.openedAt(), c.closedAt(), hidden.contains(c.id()),
					hidden.contains(c.id()) ? List.of() : this.messageViews.of(line, this.conversations.messages(c.id()))))
			.toList();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("sharedPhone", shared);
		detail.put("conversations", shown.stream().filter(e -> !e.restricted()).map(EarlierInteraction::conversationId).toList());
		if (!why.isEmpty()) {
			detail.put("reason", why);
		}
		this.audit.record(line.organisationId(), "EARLIER_INTERACTIONS_SHOWN", "conversation", Long.toString(conversationId), detail);
		return new Shown(line.timeZone(), shared, shown);
	}

}
