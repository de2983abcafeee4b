package org.linea.shared;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A refusal a person reads: it carries a message key of the bundles and its arguments, never a
 * sentence; the web layer translates it once, in the reader's language ({@link Messages#of}).
 * {@link #getMessage()} is the text in the language of the request it was thrown in (the default
 * language outside a request), for logs and for code that never reaches a screen.
 */
public abstract class LocalizedException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	private final transient Locale locale;

	protected LocalizedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
		this.locale = LocaleContextHolder.getLocale();
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	@Override
	public String getMessage() {
		return BundleTexts.text(this.messageKey, this.arguments, this.locale == null ? Locale.ENGLISH : this.locale);
	}

	@Override
	public String toString() {
		return getClass().getName() + ": " + this.messageKey + (this.arguments.length == 0 ? "" : " " + Arrays.toString(this.arguments));
	}

}
