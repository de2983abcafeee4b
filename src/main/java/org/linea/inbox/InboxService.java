package org.linea.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linea.admin.CurrentUser;
import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.admin.LineaUser;
import org.linea.admin.Role;
import org.linea.admin.UserService;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.contact.ContactService;
import org.linea.contact.RevealedIdentity;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;
import org.linea.conversation.SenderKind;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The operators' inbox: the queue of conversations waiting for a person, claiming one (exactly one
 * operator holds a conversation), answering and closing. Every method checks the current user's role
 * on the conversation's line.
 */
@Service
public class InboxService {

	static final Role[] INBOX_ROLES = { Role.COORDINATOR, Role.OPERATOR, Role.SPECIALIST, Role.SAFEGUARDING };

	private static final int MAX_REPLY = 4096;

	private final LineService lines;

	private final ConversationService conversations;

	private final ContactService contacts;

	private final UserService users;

	private final ChannelService channels;

	InboxService(LineService lines, ConversationService conversations, ContactService contacts,
			UserService users, ChannelService channels) {
		this.lines = lines;
		this.conversations = conversations;
		this.contacts = contacts;
		this.users = users;
		this.channels = channels;
	}

	/** Lines whose inbox the current user works in. */
	public List<Line> lines() {
		return this.lines.accessibleLines(INBOX_ROLES);
	}

	/** Conversations waiting for or held by a person on these lines, longest waiting first. */
	@Transactional(readOnly = true)
	public List<QueueEntry> queue(List<Line> lines) {
		if (lines.isEmpty()) {
			return List.of();
		}
		Map<Long, String> keys = lines.stream().collect(Collectors.toMap(Line::id, Line::key));
		long me = CurrentUser.require().id();
		List<Conversation> rows = this.conversations.waitingForPeople(keys.keySet(), 500);
		Set<Long> holders = new HashSet<>();
		rows.forEach(row -> {
			if (row.assigneeId() != null) {
				holders.add(row.assigneeId());
			}
		});
		Map<Long, String> names = this.users.displayNames(holders);
		return rows.stream()
			.map(row -> new QueueEntry(row.id(), keys.get(row.lineId()), row.contactCode(), row.language(), row.state(),
					row.assigneeId() == null ? null : names.get(row.assigneeId()),
					row.isHeldBy(me), row.waitingSince(), row.lastMessageAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public ConversationView view(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = requireInboxAccess(conversation);
		List<ConversationMessage> messages = this.conversations.messages(conversationId);
		Set<Long> people = new HashSet<>();
		messages.forEach(m -> {
			if (m.authorId() != null) {
				people.add(m.authorId());
			}
		});
		if (conversation.assigneeId() != null) {
			people.add(conversation.assigneeId());
		}
		Map<Long, String> names = this.users.displayNames(people);
		Function<ConversationMessage, MessageView> toView = m -> new MessageView(m.id(), m.direction(), m.senderKind().name(),
				m.authorId() == null ? null : names.get(m.authorId()), m.body(), m.status(), m.errorCode(), m.createdAt(),
				this.channels.attachment(m.mediaRef()).orElse(null),
				"OUT".equals(m.direction()) ? this.channels.segments(line, m.body()).orElse(null) : null);
		LineaUser me = CurrentUser.require();
		return new ConversationView(conversation, line, this.contacts.get(conversation.contactId()).maskedPhone(),
				conversation.assigneeId() == null ? null : names.get(conversation.assigneeId()), conversation.isHeldBy(me.id()),
				messages.stream().map(toView).toList(), this.channels.replyWindow(line, conversation.contactId()),
				this.channels.templates(line));
	}

	/** Takes the conversation; if another operator was faster, says who holds it. */
	@Transactional
	public void claim(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		requireInboxAccess(conversation);
		LineaUser me = CurrentUser.require();
		if (conversation.isHeldBy(me.id())) {
			return;
		}
		if (!this.conversations.claim(conversationId, me.id())) {
			throw conflict(this.conversations.get(conversationId));
		}
	}

	@Transactional
	public void release(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		requireInboxAccess(conversation);
		if (!this.conversations.release(conversationId, CurrentUser.require().id())) {
			throw conflict(conversation);
		}
	}

	/** Sends the operator's answer. Answering a queued conversation claims it first. */
	@Transactional
	public void reply(long conversationId, String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new InvalidRequestException("Write an answer first");
		}
		if (body.length() > MAX_REPLY) {
			throw new InvalidRequestException("An answer can have at most " + MAX_REPLY + " characters");
		}
		Conversation conversation = this.conversations.get(conversationId);
		if (!this.channels.replyWindow(requireInboxAccess(conversation), conversation.contactId()).open()) {
			throw new InvalidRequestException("More than 24 hours since this person last wrote: send an approved template");
		}
		claim(conversationId);
		LineaUser me = CurrentUser.require();
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, me.id(), body);
	}

	/** Sends one of the line's approved templates, the only thing WhatsApp takes outside its 24-hour window. */
	@Transactional
	public void replyWithTemplate(long conversationId, long templateId, List<String> parameters) {
		Line line = requireInboxAccess(this.conversations.get(conversationId));
		OutboundContent content = this.channels.templates(line).stream()
			.filter(template -> template.id() == templateId)
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("No such template on this line"))
			.with(parameters);
		claim(conversationId);
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, CurrentUser.require().id(), content);
	}

	/** Ends the interaction. The holder closes it; a coordinator may close any. */
	@Transactional
	public void close(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = requireInboxAccess(conversation);
		LineaUser me = CurrentUser.require();
		boolean coordinator = me.hasRole(line.organisationId(), Role.COORDINATOR);
		if (conversation.assigneeId() != null && !conversation.isHeldBy(me.id()) && !coordinator) {
			throw conflict(conversation);
		}
		if (!this.conversations.close(conversationId, me.id(), "CLOSED_BY_OPERATOR")) {
			throw new ClaimConflictException("This conversation is already closed", null);
		}
	}

	/** Shows the person's full number to the operator; the reveal is audited. */
	@Transactional
	public RevealedIdentity reveal(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		requireInboxAccess(conversation);
		return this.contacts.reveal(conversation.contactId(), "inbox conversation " + conversationId);
	}

	private Line requireInboxAccess(Conversation conversation) {
		Line line = this.lines.get(conversation.lineId());
		LineaUser me = CurrentUser.require();
		if (!me.hasRole(line.organisationId())) {
			throw new NotFoundException("Conversation " + conversation.id());
		}
		if (!me.hasRole(line.organisationId(), INBOX_ROLES)) {
			throw new AccessDeniedException("Your role does not work in the inbox");
		}
		return line;
	}

	private ClaimConflictException conflict(Conversation conversation) {
		if (conversation.state() == ConversationState.CLOSED) {
			return new ClaimConflictException("This conversation is closed", null);
		}
		String holder = conversation.assigneeId() == null ? null
				: this.users.displayNames(Set.of(conversation.assigneeId())).get(conversation.assigneeId());
		return new ClaimConflictException("Already held by " + holder, holder);
	}

}
