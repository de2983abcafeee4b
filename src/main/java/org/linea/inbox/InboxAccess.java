package org.linea.inbox;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.admin.CurrentUser;
import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.admin.LineaUser;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with a conversation: the permission on its line ({@link #require}), and need to
 * know ({@link #visibleTo}): a conversation in a restricted team's queue (safeguarding...) is opened
 * only by that team's members. Others see that it exists, its code and times, never its content.
 * This is the one place that decides it: extend {@link #visibleTo} for new kinds of restriction.
 */
@Component
public class InboxAccess implements ConversationContent {

	private final LineService lines;

	private final ConversationService conversations;

	private final TeamService teams;

	InboxAccess(LineService lines, ConversationService conversations, TeamService teams) {
		this.lines = lines;
		this.conversations = conversations;
		this.teams = teams;
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
		return visibleTo(user, this.conversations.get(conversationId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mediaVisibleTo(LineaUser user, long mediaId) {
		return this.conversations.conversationsWithMedia("media:" + mediaId).stream().allMatch(id -> visibleTo(user, id));
	}

	/** Whether the user may see what was said: always, unless the conversation sits in a restricted team they are not in. */
	public boolean visibleTo(LineaUser user, Conversation conversation) {
		return conversation.teamId() == null || !hides(this.teams.get(conversation.teamId()), user);
	}

	/** Of these teams, those whose conversations' content the user may not see, for lists. */
	public Set<Long> teamsHiddenFrom(LineaUser user, Collection<Team> teams) {
		return teams.stream().filter(team -> hides(team, user)).map(Team::id).collect(Collectors.toSet());
	}

	private boolean hides(Team team, LineaUser user) {
		return team.restricted() && !this.teams.isMember(team.id(), user.id());
	}

}
