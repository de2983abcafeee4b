package org.linea.inbox;

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

	public long conversationId() {
		return this.conversationId;
	}

	public String holder() {
		return this.holder;
	}

}
