package org.linea.inbox;

import java.util.Set;

import org.linea.access.UserService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationState;
import org.linea.shared.LocalizedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else holds the conversation, or it is closed: the action did not happen. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ClaimConflictException extends LocalizedException {

	private final String holder;

	private final long conversationId;

	public ClaimConflictException(String messageKey, String holder, long conversationId) {
		super(messageKey, holder);
		this.holder = holder;
		this.conversationId = conversationId;
	}

	/** The action on this conversation lost: it is closed, or says who holds it now. */
	static ClaimConflictException over(Conversation conversation, UserService users) {
		if (conversation.state() == ConversationState.CLOSED) {
			return new ClaimConflictException("error.inbox.conversation-closed", null, conversation.id());
		}
		String holder = conversation.assigneeId() == null ? null
				: users.displayNames(Set.of(conversation.assigneeId())).get(conversation.assigneeId());
		return new ClaimConflictException("error.inbox.already-held", holder, conversation.id());
	}

	public long conversationId() {
		return this.conversationId;
	}

	public String holder() {
		return this.holder;
	}

}
