package org.linea.inbox;

import java.util.List;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SenderKind;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.PhrasingService;
import org.linea.knowledge.PhrasingSource;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering the person: free text inside the channel's reply window, a quick reply from the line's
 * bank, or an approved template outside the window. Answering takes the conversation ({@link Claims}).
 */
@Service
public class Replies {

	private final ConversationService conversations;

	private final InboxAccess access;

	private final Claims claims;

	private final ChannelService channels;

	private final QuickReplies quickReplies;

	private final PhrasingService phrasings;

	private final UserService users;

	Replies(ConversationService conversations, InboxAccess access, Claims claims, ChannelService channels, QuickReplies quickReplies,
			PhrasingService phrasings, UserService users) {
		this.conversations = conversations;
		this.access = access;
		this.claims = claims;
		this.channels = channels;
		this.quickReplies = quickReplies;
		this.phrasings = phrasings;
		this.users = users;
	}

	/**
	 * Sends the operator's answer. Answering a waiting conversation takes it; answering one a colleague
	 * holds needs {@code takeOver}, so two people never write to one person unknowingly.
	 */
	@Transactional
	public void reply(long conversationId, String text, boolean takeOver) {
		reply(conversationId, text, takeOver, null);
	}

	/**
	 * As {@link #reply(long, String, boolean)}, the answer written from a quick reply: the person's
	 * last message is proposed as a phrasing of that entry, for the knowledge managers' review.
	 * @param insertedEntry the entry inserted, or null
	 */
	@Transactional
	public void reply(long conversationId, String text, boolean takeOver, String insertedEntry) {
		String body = OperatorText.checked(text);
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		if (!conversation.isOpen()) {
			throw ClaimConflictException.over(conversation, this.users);
		}
		if (!this.channels.replyWindow(line, conversation.contactId()).open()) {
			throw new InvalidRequestException("error.inbox.more-than-24-hours");
		}
		this.claims.takeToAnswer(conversation, takeOver);
		if (insertedEntry != null && !insertedEntry.isBlank()) {
			this.conversations.messages(conversationId)
				.reversed()
				.stream()
				.filter(m -> m.direction().equals("IN") && m.body() != null && !m.body().isBlank())
				.findFirst()
				.ifPresent(m -> this.phrasings.propose(line.id(), insertedEntry.strip(), m.body(), PhrasingSource.QUICK_REPLY,
						conversationId, m.id(), me.id()));
		}
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, me.id(), body);
	}

	/** Validated answers (or key messages) of the line's bank matching the words, in the conversation's language. */
	@Transactional(readOnly = true)
	List<QuickReply> quickReplies(long conversationId, String query, EntryKind kind) {
		Conversation conversation = this.conversations.get(conversationId);
		return this.quickReplies.search(this.access.requireContent(conversation, Permission.INBOX_READ), conversation.language(), query, kind);
	}

	/** Sends one of the line's approved templates, the only thing WhatsApp takes outside its 24-hour window. */
	@Transactional
	public void replyWithTemplate(long conversationId, long templateId, List<String> parameters) {
		Line line = this.access.requireContent(this.conversations.get(conversationId), Permission.INBOX_REPLY);
		OutboundContent content = this.channels.templates(line)
			.stream()
			.filter(template -> template.id() == templateId)
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("error.inbox.such-template-line"))
			.with(parameters);
		this.claims.claim(conversationId);
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, CurrentUser.require().id(), content);
	}

}
