package org.linea.inbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationNote;
import org.linea.conversation.ConversationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;

/**
 * Internal notes for colleagues, never sent to the person; {@code @username} in a note asks that
 * colleague to look, and the mention waits for them until they open the conversation.
 */
@Service
public class NotesAndMentions {

	private static final Pattern MENTION = Pattern.compile("@([a-z0-9._-]{2,64})");

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	private final InboxAccess access;

	private final UserService users;

	NotesAndMentions(JdbcClient jdbc, ConversationService conversations, InboxAccess access, UserService users) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.access = access;
		this.users = users;
	}

	/** An internal note for colleagues; {@code @username} asks that colleague to look. */
	@Transactional
	public void note(long conversationId, String text) {
		String body = OperatorText.checked(text);
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		long noteId = this.conversations.note(conversation, CurrentUser.require().id(), body);
		Matcher matcher = MENTION.matcher(body.toLowerCase(Locale.ROOT));
		Set<String> mentioned = new HashSet<>();
		while (matcher.find()) {
			mentioned.add(matcher.group(1));
		}
		for (String username : mentioned) {
			try {
				LineaUser colleague = this.users.loadUserByUsername(username);
				if (colleague.isEnabled() && colleague.can(line.organisationId(), Permission.INBOX_READ)) {
					this.jdbc.sql("insert into inbox_mention (conversation_id, message_id, user_id) values (?, ?, ?)")
						.params(conversationId, noteId, colleague.id())
						.update();
				}
			}
			catch (UsernameNotFoundException ex) {
				// a word that looks like a mention but names nobody: the note stays as written
			}
		}
	}

	/**
	 * Notes where colleagues mentioned the current user and that they have not opened yet, newest
	 * first. A fixed number of queries however many there are: the mentions, their notes (with the
	 * person's code), who may see which, the authors' names.
	 */
	@Transactional(readOnly = true)
	List<Mention> myMentions() {
		LineaUser me = CurrentUser.require();
		List<Pending> pending = this.jdbc.sql("""
				select id, conversation_id, message_id, created_at from inbox_mention where user_id = ? and seen_at is null
				order by id desc limit 50
				""").param(me.id()).query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, "created_at")))
			.list();
		if (pending.isEmpty()) {
			return List.of();
		}
		Set<Long> hidden = this.access.hiddenFrom(me, pending.stream().map(Pending::conversationId).collect(Collectors.toSet()));
		List<Pending> visible = pending.stream().filter(p -> !hidden.contains(p.conversationId())).toList();
		Map<Long, ConversationNote> notes = this.conversations.notes(visible.stream().map(Pending::noteId).toList());
		Map<Long, String> authors = this.users.displayNames(
				notes.values().stream().map(ConversationNote::authorId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return visible.stream().filter(p -> notes.containsKey(p.noteId())).map(p -> {
			ConversationNote note = notes.get(p.noteId());
			return new Mention(p.id(), p.conversationId(), note.contactCode(),
					note.authorId() == null ? null : authors.get(note.authorId()), note.body(), p.at());
		}).toList();
	}

	/** The user opened the conversation: its mentions of them are no longer waiting. */
	void seen(long userId, long conversationId) {
		this.jdbc.sql("update inbox_mention set seen_at = now() where user_id = ? and conversation_id = ? and seen_at is null")
			.params(userId, conversationId)
			.update();
	}

	private record Pending(long id, long conversationId, long noteId, Instant at) {
	}

}
