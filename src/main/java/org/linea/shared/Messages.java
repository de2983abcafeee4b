package org.linea.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

	/** A 400 refusal with this bundle key, translated where it reaches a person. */
	public InvalidRequestException invalid(String code, Object... arguments) {
		return new InvalidRequestException(code, arguments);
	}

	/**
	 * A word or phrase to put into a refusal's text, translated with it ({@code code} of the bundles,
	 * {@code fallback} when they do not have it), e.g. the name of the field that is empty.
	 */
	public static MessageSourceResolvable term(String code, String fallback) {
		return new DefaultMessageSourceResolvable(new String[] { code }, fallback);
	}

	/** The refusal in the language of the request being served. */
	public String of(LocalizedException ex) {
		return of(ex, LocaleContextHolder.getLocale());
	}

	/** The refusal in this language; a key missing from the bundles is shown as it is. */
	public String of(LocalizedException ex, Locale locale) {
		return this.source.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

}
