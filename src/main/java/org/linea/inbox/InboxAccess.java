package org.linea.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.admin.CurrentUser;
import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.admin.LineaUser;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with a conversation: the permission on its line ({@link #require}), and need to
 * know ({@link #visibleTo}): a conversation in a restricted team's queue (safeguarding...) is opened
 * only by that team's members. Others see that it exists, its code and times, never its content.
 * This is the one place that decides it: extend {@link #hiddenFrom} for new kinds of restriction.
 */
@Component
public class InboxAccess implements ConversationContent {

	private final LineService lines;

	private final ConversationService conversations;

	private final JdbcClient jdbc;

	InboxAccess(LineService lines, ConversationService conversations, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.conversations = conversations;
	}

	/** The conversation's line, if the current user holds the permission there; else not found or refused. */
	public Line require(Conversation conversation, Permission permission) {
		return this.lines.requireAccess(conversation.lineId(), permission, "Conversation " + conversation.id());
	}

	/** As {@link #require}, and the current user must also be allowed to see the conversation's content. */
	public Line requireContent(Conversation conversation, Permission permission) {
		Line line = require(conversation, permission);
		if (!visibleTo(CurrentUser.require(), conversation)) {
			throw new AccessDeniedException("This conversation is restricted to its team");
		}
		return line;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean visibleTo(LineaUser user, long conversationId) {
		return hiddenFrom(user, List.of(conversationId)).isEmpty();
	}

	/** The one rule: a conversation in a restricted team's queue is hidden from whoever is not a member of that team. */
	@Override
	@Transactional(readOnly = true)
	public Set<Long> hiddenFrom(LineaUser user, Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select c.id from conversation_conversation c join inbox_team t on t.id = c.team_id
				where c.id = any(?) and t.restricted
				  and not exists (select 1 from inbox_team_member m where m.team_id = t.id and m.user_id = ?)
				""").params(conversationIds.toArray(Long[]::new), user.id()).query(Long.class).list());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mediaVisibleTo(LineaUser user, long mediaId) {
		return this.conversations.conversationsWithMedia("media:" + mediaId).stream().allMatch(id -> visibleTo(user, id));
	}

	/** Whether the user may see what was said: always, unless the conversation sits in a restricted team they are not in. */
	public boolean visibleTo(LineaUser user, Conversation conversation) {
		return conversation.teamId() == null || hiddenFrom(user, List.of(conversation.id())).isEmpty();
	}

}
