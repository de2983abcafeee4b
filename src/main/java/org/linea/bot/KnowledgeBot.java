package org.linea.bot;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linea.admin.Line;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers people from their line's validated bank ({@link AnswerFinder} on the line's
 * {@link BankIndex}), and records every decision. A number sent right after a menu picks that entry.
 */
@Service
class KnowledgeBot implements AutoAnswer {

	private static final Pattern MENU_CHOICE = Pattern.compile("^\\D{0,12}?([1-9])\\W*$");

	private final BankIndexes indexes;

	private final AnswerFinder finder;

	private final MessageLanguage languages;

	private final ReplyWriter writer;

	private final DecisionLog log;

	KnowledgeBot(BankIndexes indexes, MessageLanguage languages, ReplyWriter writer, DecisionLog log, BotProperties thresholds) {
		this.indexes = indexes;
		this.finder = new AnswerFinder(Signals.load(), Courtesy.load(), thresholds);
		this.languages = languages;
		this.writer = writer;
		this.log = log;
	}

	@Override
	@Transactional
	public BotDecision decide(InboundQuestion question) {
		Line line = question.line();
		BankIndex index = this.indexes.of(line);
		BotDecision decision = menuChoice(question, index).orElseGet(() -> evaluate(line, index, question.text(), question.language()));
		decision = decision.withReplies(this.writer.replies(line, decision, index, question.greeted()));
		this.log.record(line.id(), question.conversationId(), question.messageId(), question.text(), decision);
		return decision;
	}

	/** What the bot would do with this text, without recording or sending anything. */
	BotDecision test(Line line, String text) {
		BankIndex index = this.indexes.of(line);
		BotDecision decision = evaluate(line, index, text, line.defaultLanguage());
		return decision.withReplies(this.writer.replies(line, decision, index, false));
	}

	private BotDecision evaluate(Line line, BankIndex index, String text, String conversationLanguage) {
		if (text == null || text.isBlank()) {
			return new BotDecision(DecisionKind.HANDOFF, "NO_TEXT", conversationLanguage, null, 0, List.of(), List.of(), List.of());
		}
		if (index.size() == 0) {
			// until a line has validated entries to answer from, every message goes to the team
			BotDecision decision = this.finder.decide(index, text, conversationLanguage);
			return decision.handOff() ? decision : new BotDecision(DecisionKind.HANDOFF, "NO_KNOWLEDGE_BANK",
					conversationLanguage, null, 0, List.of(), List.of(), List.of());
		}
		String language = this.languages.detect(text, line.languages(), conversationLanguage);
		return this.finder.decide(index, text, language);
	}

	private Optional<BotDecision> menuChoice(InboundQuestion question, BankIndex index) {
		if (question.text() == null) {
			return Optional.empty();
		}
		Matcher choice = MENU_CHOICE.matcher(ChatText.fold(question.text()));
		if (!choice.matches()) {
			return Optional.empty();
		}
		int number = Integer.parseInt(choice.group(1));
		return this.log.openMenu(question.conversationId())
			.filter(menu -> number <= menu.size() && index.entry(menu.get(number - 1)) != null)
			.map(menu -> new BotDecision(DecisionKind.ANSWER, "MENU_CHOICE", question.language(), menu.get(number - 1), 1,
					List.of(), List.of(), List.of()));
	}

}
