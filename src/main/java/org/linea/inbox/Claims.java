package org.linea.inbox;

import java.util.Optional;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a conversation: an operator takes it, lets it go, hands it to a colleague, or takes it
 * over from one. Exactly one person holds a conversation; the loser of a race is told who won.
 */
@Service
public class Claims {

	private final ConversationService conversations;

	private final InboxState state;

	private final InboxAccess access;

	private final UserService users;

	Claims(ConversationService conversations, InboxState state, InboxAccess access, UserService users) {
		this.conversations = conversations;
		this.state = state;
		this.access = access;
		this.users = users;
	}

	/** Takes the conversation; if another operator was faster, says who holds it. */
	@Transactional
	public void claim(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		if (conversation.isHeldBy(me.id())) {
			return;
		}
		if (!this.state.claim(conversationId, me.id())) {
			throw ClaimConflictException.over(this.conversations.get(conversationId), this.users);
		}
	}

	@Transactional
	public void release(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (!this.state.release(conversationId, CurrentUser.require().id())) {
			throw ClaimConflictException.over(conversation, this.users);
		}
	}

	/** Hands the conversation to a colleague who works on the line. */
	@Transactional
	public void assign(long conversationId, Long userId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser colleague = Optional.ofNullable(userId).flatMap(this.users::findById).filter(LineaUser::isEnabled)
			.filter(u -> u.can(line.organisationId(), Permission.INBOX_READ))
			.orElseThrow(() -> new InvalidRequestException("error.inbox.person-does-work-line"));
		if (!this.state.assignTo(conversationId, colleague.id())) {
			throw ClaimConflictException.over(conversation, this.users);
		}
	}

	/**
	 * Before the current user answers: a waiting conversation is taken; one a colleague holds needs
	 * {@code takeOver}, so two people never write to one person unknowingly. The caller has checked
	 * that the user may answer ({@link InboxAccess}) and that the conversation is open.
	 */
	void takeToAnswer(Conversation conversation, boolean takeOver) {
		LineaUser me = CurrentUser.require();
		if (conversation.state() == ConversationState.ASSIGNED && !conversation.isHeldBy(me.id())) {
			if (!takeOver) {
				throw ClaimConflictException.over(conversation, this.users);
			}
			this.state.assignTo(conversation.id(), me.id());
		}
		else {
			claim(conversation.id());
		}
	}

}
