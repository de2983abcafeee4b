package org.linea.bot;

import org.linea.knowledge.ChatText;
import org.linea.knowledge.MessageLanguage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linea.access.Line;
import org.linea.safeguarding.Detector;
import org.linea.safeguarding.Finding;
import org.linea.safeguarding.SafeReplies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers people from their line's validated bank ({@link AnswerFinder} on the line's
 * {@link BankIndex}), and records every decision. A number sent right after a menu picks that entry.
 * A safeguarding report ({@link Detector}) is never answered from the bank: the line's safe reply is
 * written instead.
 */
@Service
class KnowledgeBot implements AutoAnswer {

	private static final Pattern MENU_CHOICE = Pattern.compile("^\\D{0,12}?([1-9])\\W*$");

	private final BankIndexes indexes;

	private final AnswerFinder finder;

	private final MessageLanguage languages;

	private final ReplyWriter writer;

	private final DecisionLog log;

	private final Detector safeguarding;

	private final SafeReplies safeReplies;

	KnowledgeBot(BankIndexes indexes, MessageLanguage languages, ReplyWriter writer, DecisionLog log, BotProperties thresholds,
			Detector safeguarding, SafeReplies safeReplies, EmbeddingsProperties embeddings, JsonMapper json) {
		this.indexes = indexes;
		this.finder = new AnswerFinder(Signals.load(), Courtesy.load(), thresholds, EmbeddingReranker.of(embeddings, json));
		this.languages = languages;
		this.writer = writer;
		this.log = log;
		this.safeguarding = safeguarding;
		this.safeReplies = safeReplies;
	}

	@Override
	@Transactional
	public BotDecision decide(InboundQuestion question) {
		Line line = question.line();
		BankIndex index = this.indexes.of(line);
		BotDecision decision = menuChoice(question, index)
			.orElseGet(() -> evaluate(line, index, question.text(), question.language(), question.screened()));
		decision = decision.withReplies(this.writer.replies(line, decision, index, question.greeted()));
		this.log.record(line.id(), question.conversationId(), question.messageId(), question.text(), decision);
		return decision;
	}

	@Override
	@Transactional
	public void recordSensitive(InboundQuestion question, Finding finding) {
		BotDecision decision = BotDecision.sensitive(finding, question.language());
		this.log.record(question.line().id(), question.conversationId(), question.messageId(), question.text(), decision);
	}

	/** What the bot would do with this text, without recording or sending anything. */
	BotDecision test(Line line, String text) {
		return test(line, text, null);
	}

	/** @param previous the person's message before this one, read with it for a report spread over two */
	BotDecision test(Line line, String text, String previous) {
		if (text != null && !text.isBlank()) {
			Finding finding = this.safeguarding.screen(text, previous);
			if (finding.sensitive()) {
				String language = this.languages.detect(text, line.languages(), line.defaultLanguage());
				return BotDecision.sensitive(finding, language).withReplies(this.safeReplies.replies(line, finding, language));
			}
		}
		BankIndex index = this.indexes.of(line);
		// screened just above (a message that is no report with its previous one is none alone either)
		BotDecision decision = evaluate(line, index, text, line.defaultLanguage(), true);
		return decision.withReplies(this.writer.replies(line, decision, index, false));
	}

	/** @param screened whether the text was screened for a safeguarding report already */
	private BotDecision evaluate(Line line, BankIndex index, String text, String conversationLanguage, boolean screened) {
		if (text == null || text.isBlank()) {
			return new BotDecision(DecisionKind.HANDOFF, "NO_TEXT", conversationLanguage, null, 0, List.of(), List.of(), List.of());
		}
		Finding finding = screened ? null : this.safeguarding.screen(text);
		if (finding != null && finding.sensitive()) {
			// the pipeline screens first; this keeps any other caller from answering a report
			return BotDecision.sensitive(finding, this.languages.detect(text, line.languages(), conversationLanguage));
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
