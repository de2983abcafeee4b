package org.linea.broadcast;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The broadcast is not in a status that allows this (e.g. resuming one that runs): answered 409. */
@ResponseStatus(HttpStatus.CONFLICT)
class BroadcastConflictException extends RuntimeException {

	BroadcastConflictException(String message) {
		super(message);
	}

}
