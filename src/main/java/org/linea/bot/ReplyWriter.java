package org.linea.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.linea.access.Line;
import org.linea.channel.ChannelService;
import org.linea.knowledge.AnswerMessages;
import org.linea.knowledge.AnswerMessages.AnswerMessage;
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

	private final AnswerMessages answers;

	private final ChannelService channels;

	ReplyWriter(MessageSource messages, AnswerMessages answers, ChannelService channels) {
		this.messages = messages;
		this.answers = answers;
		this.channels = channels;
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
		return this.answers.message(line, entry.content(), language, this.channels.facts(line).sms())
			.map(AnswerMessage::text)
			.orElseThrow(() -> new IllegalStateException("Entry " + entry.key() + " has no answer"));
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
