package org.linea.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a rule the caller can fix: answered 400 with the text of {@code messageKey}
 * (a key of the message bundles, {@code error.<feature>.<what>}) in the reader's language.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRequestException extends LocalizedException {

	public InvalidRequestException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
