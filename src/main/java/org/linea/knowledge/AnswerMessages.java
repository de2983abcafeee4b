package org.linea.knowledge;

import java.util.Locale;
import java.util.Optional;

import org.linea.access.Line;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way an entry's answer becomes the text a person gets, whoever sends it (the bot, an operator's
 * quick reply, a rumour's counter-message): the answer in the person's language, else the line's
 * default language's, else any, with a note in the person's language when it is not theirs; the SMS
 * text on an SMS channel; then each attachment on its own line as {@code caption: address}.
 */
@Component
public class AnswerMessages {

	private final MessageSource messages;

	AnswerMessages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param language the person's language; null for the line's default
	 * @param sms whether the line's channel carries SMS ({@code ChannelFacts.sms()})
	 * @return empty when the entry has no answer in any language
	 */
	public Optional<AnswerMessage> message(Line line, EntryContent entry, String language, boolean sms) {
		String theirs = language == null ? line.defaultLanguage() : language;
		Answer answer = entry.answerFor(theirs, line.defaultLanguage());
		if (answer == null) {
			return Optional.empty();
		}
		boolean otherLanguage = entry.answer(theirs) == null;
		StringBuilder text = new StringBuilder();
		if (otherLanguage) {
			text.append(this.messages.getMessage("bot.answerInOtherLanguage", null, Locale.forLanguageTag(theirs))).append("\n\n");
		}
		text.append(sms ? answer.forSms() : answer.text());
		for (Attachment attachment : entry.attachments()) {
			text.append("\n").append(attachment.caption().isEmpty() ? "" : attachment.caption() + ": ").append(attachment.url());
		}
		return Optional.of(new AnswerMessage(text.toString(), otherLanguage));
	}

	/**
	 * @param text what is sent
	 * @param otherLanguage whether the answer is not in the person's language (the text says so)
	 */
	public record AnswerMessage(String text, boolean otherLanguage) {
	}

}
