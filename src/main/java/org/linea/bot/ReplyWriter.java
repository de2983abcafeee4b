package org.linea.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.linea.access.Line;
import org.linea.access.ChannelType;
import org.linea.knowledge.Answer;
import org.linea.knowledge.Attachment;
import org.linea.knowledge.KnowledgeEntry;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes what the bot sends for a decision, in the person's language: the entry's answer (in the
 * line's default language, with a note, when the entry lacks the person's), a numbered menu, or a
 * greeting or thanks back. Handovers say nothing here: the pipeline tells the person a human follows.
 */
@Component
class ReplyWriter {

	private final MessageSource messages;

	ReplyWriter(MessageSource messages) {
		this.messages = messages;
	}

	List<String> replies(Line line, BotDecision decision, BankIndex index, boolean greeted) {
		String language = decision.language() == null ? line.defaultLanguage() : decision.language();
		return switch (decision.kind()) {
			case ANSWER -> List.of(answer(line, index.entry(decision.entryKey()), language));
			case MENU -> List.of(menu(decision, index, language));
			case GREETING -> decision.reason().equals(Courtesy.Kind.THANKS.name()) ? List.of(text("bot.thanks", language))
					: greeted ? List.of() : List.of(text("bot.howCanWeHelp", language));
			case HANDOFF, SENSITIVE -> List.of();
		};
	}

	private String answer(Line line, KnowledgeEntry entry, String language) {
		Answer answer = entry.content().answer(language);
		StringBuilder text = new StringBuilder();
		if (answer == null) {
			answer = entry.content().answer(line.defaultLanguage());
			if (answer == null) {
				answer = entry.content().answers().values().iterator().next();
			}
			text.append(text("bot.answerInOtherLanguage", language)).append("\n\n");
		}
		text.append(line.channelType() == ChannelType.TWILIO_SMS ? answer.forSms() : answer.text());
		for (Attachment attachment : entry.content().attachments()) {
			text.append("\n").append(attachment.caption().isEmpty() ? "" : attachment.caption() + ": ").append(attachment.url());
		}
		return text.toString();
	}

	private String menu(BotDecision decision, BankIndex index, String language) {
		List<String> lines = new ArrayList<>();
		lines.add(text("bot.menuIntro", language));
		int number = 1;
		for (String key : decision.menu()) {
			lines.add(number++ + ". " + index.entry(key).content().question());
		}
		lines.add(text("bot.menuChoose", language));
		return String.join("\n", lines);
	}

	private String text(String key, String language) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag(language));
	}

}
