package org.linea.bot;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.linea.access.Line;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The fixed things the line says, in the conversation's language, from the message bundles. */
@Component
public class BotReplies {

	private final MessageSource messages;

	BotReplies(MessageSource messages) {
		this.messages = messages;
	}

	public String greeting(Line line, String language) {
		return text("bot.greeting", language, line.name());
	}

	public String handOff(String language) {
		return text("bot.handoff", language);
	}

	public String optOutConfirmed(String language) {
		return text("bot.optOutConfirmed", language);
	}

	/** Says the line is closed and when it opens, in the line's local time. */
	public String outOfHours(String language, ZonedDateTime opensAt) {
		Locale locale = Locale.forLanguageTag(language);
		// the bundle's own day name where Java has none for the language (Haitian Creole)
		String weekday = this.messages.getMessage("bot.weekday." + opensAt.getDayOfWeek().getValue(), null, null, locale);
		String day = weekday != null ? weekday + " " + opensAt.getDayOfMonth()
				: opensAt.format(DateTimeFormatter.ofPattern("EEEE d", locale));
		String time = opensAt.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
		return text("bot.outOfHours", language, day, time);
	}

	private String text(String key, String language, Object... args) {
		return this.messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

}
