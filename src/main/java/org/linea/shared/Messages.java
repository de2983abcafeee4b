package org.linea.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts from the message bundles in the language of the request being served (English outside a
 * request), for services whose refusals reach a person as {@link InvalidRequestException}.
 */
@Component
public class Messages {

	private final MessageSource source;

	public Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String code, Object... arguments) {
		return this.source.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	/** A 400 refusal with this bundle text. */
	public InvalidRequestException invalid(String code, Object... arguments) {
		return new InvalidRequestException(get(code, arguments));
	}

}
