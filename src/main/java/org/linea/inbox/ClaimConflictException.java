package org.linea.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else holds the conversation, or it is closed: the action did not happen. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ClaimConflictException extends RuntimeException {

	private final String holder;

	public ClaimConflictException(String message, String holder) {
		super(message);
		this.holder = holder;
	}

	public String holder() {
		return this.holder;
	}

}
