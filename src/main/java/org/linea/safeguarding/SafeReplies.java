package org.linea.safeguarding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.linea.access.Line;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a person who reported is told at once, instead of any answer from the bank: the line's own
 * validated reply for the category (or for any urgent report) and language, else the shipped default
 * (messages-safeguarding, es, en, pt, fr, ht). An urgent report is told the line's emergency numbers
 * and that a person writes now.
 */
@Component
public class SafeReplies {

	static final String URGENT = "URGENT";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	SafeReplies(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	public List<String> replies(Line line, Finding finding, String language) {
		Locale locale = Locale.forLanguageTag(Detector.LANGUAGES.contains(language) ? language : line.defaultLanguage());
		String key = finding.urgent() ? URGENT : finding.category().name();
		String numbers = emergencyNumbers(line.id());
		String shown = numbers.isBlank() ? this.messages.getMessage("safeguarding.reply.numbersNone", null, locale) : numbers;
		String text = own(line.id(), key, locale.getLanguage()).map(own -> own.replace("{numbers}", shown))
			.orElseGet(() -> this.messages.getMessage("safeguarding.reply." + key, new Object[] { shown }, locale));
		return List.of(text);
	}

	String emergencyNumbers(long lineId) {
		return this.jdbc.sql("select emergency_numbers from safeguarding_line_settings where line_id = ?")
			.param(lineId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	private Optional<String> own(long lineId, String key, String language) {
		return this.jdbc.sql("""
				select text from safeguarding_safe_reply
				where line_id = ? and category = ? and language = ? and status = 'VALIDATED'
				""").params(lineId, key, language).query(String.class).optional();
	}

}
