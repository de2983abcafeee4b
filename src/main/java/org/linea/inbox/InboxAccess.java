package org.linea.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
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

	private final RestrictedConversations safeguarding;

	InboxAccess(LineService lines, ConversationService conversations, JdbcClient jdbc, RestrictedConversations safeguarding) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.conversations = conversations;
		this.safeguarding = safeguarding;
	}

	/** The conversation's line, if the current user holds the permission there; else not found or refused. */
	public Line require(Conversation conversation, Permission permission) {
		return this.lines.requireAccess(conversation.lineId(), permission, "error.missing.conversation", conversation.id());
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

	/**
	 * The one rule. A safeguarding case (wherever it sits) is hidden from whoever is not a focal point
	 * of its organisation, and a report against staff from the people and teams it concerns. Any other conversation in a restricted team's queue is hidden from whoever is
	 * not a member of that team; the organisation's focal points count as members of every line's
	 * safeguarding team.
	 */
	@Override
	@Transactional(readOnly = true)
	public Set<Long> hiddenFrom(LineaUser user, Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> hidden = new HashSet<>();
		Set<Long> cases = this.safeguarding.restrictedCases(conversationIds);
		Set<Long> keptFromUser = this.safeguarding.casesKeptFrom(user, conversationIds);
		this.jdbc.sql("""
				select c.id, l.organisation_id,
				  t.restricted and not exists (select 1 from inbox_team_member m where m.team_id = t.id and m.user_id = ?) as outside_team,
				  t.team_key = ? as safeguarding_team
				from conversation_conversation c join admin_line l on l.id = c.line_id
				left join inbox_team t on t.id = c.team_id
				where c.id = any(?)
				""").params(user.id(), Team.SAFEGUARDING, conversationIds.toArray(Long[]::new)).query((rs, row) -> {
			long id = rs.getLong(1);
			boolean focalPoint = this.safeguarding.focalPoint(user, rs.getLong(2));
			if (cases.contains(id) ? !focalPoint || keptFromUser.contains(id) : rs.getBoolean(3) && !(rs.getBoolean(4) && focalPoint)) {
				hidden.add(id);
			}
			return id;
		}).list();
		return hidden;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mediaVisibleTo(LineaUser user, long mediaId) {
		return this.conversations.conversationsWithMedia("media:" + mediaId).stream().allMatch(id -> visibleTo(user, id));
	}

	/**
	 * Whether the user may see what was said: always, unless the conversation sits in a restricted team
	 * they are not in, or is a safeguarding case (wherever it sits) and they are not a focal point of
	 * its organisation.
	 */
	public boolean visibleTo(LineaUser user, Conversation conversation) {
		return visibleTo(user, conversation.id());
	}

}
