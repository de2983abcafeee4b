package org.linea.shared;

import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something asked for by id or key does not exist, or is not visible to the caller: answered 404. Its
 * message key ({@code error.missing.<thing>}) names the thing; the arguments are its id or key, shown
 * as written (an id is not formatted as a number: 1234, not 1,234).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends LocalizedException {

	public NotFoundException(String messageKey, Object... ids) {
		super(messageKey, ids == null ? null : Arrays.stream(ids).map(String::valueOf).toArray());
	}

}
