package org.linea.broadcast;

import org.linea.shared.LocalizedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The broadcast is not in a status that allows this (e.g. resuming one that runs): answered 409. */
@ResponseStatus(HttpStatus.CONFLICT)
class BroadcastConflictException extends LocalizedException {

	BroadcastConflictException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
