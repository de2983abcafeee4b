package org.linea.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.linea.access.Line;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator working a conversation sorts about it: the psychosocial traffic light, tags, and
 * which team's queue it waits in (escalation to specialists).
 */
@Service
class ConversationActions {

	private static final Set<String> TRIAGE = Set.of("GREEN", "YELLOW", "RED");

	private final ConversationService conversations;

	private final InboxState state;

	private final InboxAccess access;

	private final TeamService teams;

	private final NotesAndMentions notes;

	private final UserService users;

	ConversationActions(ConversationService conversations, InboxState state, InboxAccess access, TeamService teams,
			NotesAndMentions notes, UserService users) {
		this.conversations = conversations;
		this.state = state;
		this.access = access;
		this.teams = teams;
		this.notes = notes;
		this.users = users;
	}

	/** Sends the conversation to another team's queue (health, PSS...) with a note for the specialists. */
	@Transactional
	public void escalate(long conversationId, long teamId, String note) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		Team team = this.teams.get(teamId);
		if (team.lineId() != line.id()) {
			throw new NotFoundException("error.missing.team", teamId);
		}
		if (note != null && !note.isBlank()) {
			this.notes.note(conversationId, "→ " + team.name() + ": " + note.strip());
		}
		if (!this.state.moveToTeam(conversationId, teamId, !Team.GENERAL.equals(team.key()))) {
			throw ClaimConflictException.over(conversation, this.users);
		}
	}

	/** Sets the psychosocial traffic light, or clears it. */
	@Transactional
	public void triage(long conversationId, String colour) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		String value = colour == null || colour.isBlank() ? null : colour.strip().toUpperCase(Locale.ROOT);
		if (value != null && !TRIAGE.contains(value)) {
			throw new InvalidRequestException("error.inbox.triage-green-yellow-red");
		}
		this.state.triage(conversationId, value);
	}

	@Transactional
	public void tag(long conversationId, String tags) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		List<String> list = tags == null ? List.of()
				: Arrays.stream(tags.split("[,\\s]+"))
					.map(t -> t.strip().toLowerCase(Locale.ROOT))
					.filter(t -> t.matches("[\\p{L}\\p{N}_-]{1,30}"))
					.distinct()
					.limit(10)
					.toList();
		this.state.tag(conversationId, list);
	}

}
