package org.linea.bot;

import org.linea.knowledge.ChatText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.linea.bot.BankIndex.Scored;

/**
 * Decides what to do with one message on one bank (safeguarding reports never reach it: see
 * {@link KnowledgeBot}), in this order: a request for a person is handed over; a message of only greetings or thanks is greeted back; a
 * personal case, an emergency or distress is handed over; otherwise the bank is searched, first for
 * the whole message, then (for messages asking several things) for each question in turn. A clear
 * best entry is answered, two or three close ones are offered as a menu, and anything less is handed
 * over.
 */
final class AnswerFinder {

	// where a second question starts: a question mark, "y también", or "y" before a question word
	private static final Pattern QUESTIONS = Pattern.compile("\\?+|\\b(y|and|e|et)\\s+(tambien|ademas|also|tambem|aussi)\\b"
			+ "|\\by\\s+(?=(como|donde|cuando|cuanto|cuanta|cuantos|cuantas|cada|que|q|cual|cuales|quien|se puede|puedo|mis|mi)\\b)");

	private static final int SHOWN = 5;

	private final Signals signals;

	private final Courtesy courtesy;

	private final BotProperties thresholds;

	private final Reranker reranker;

	AnswerFinder(Signals signals, Courtesy courtesy, BotProperties thresholds) {
		this(signals, courtesy, thresholds, Reranker.NONE);
	}

	/** @param reranker reorders the lexical candidates (semantic reranking, when an installation has it) */
	AnswerFinder(Signals signals, Courtesy courtesy, BotProperties thresholds, Reranker reranker) {
		this.signals = signals;
		this.courtesy = courtesy;
		this.thresholds = thresholds;
		this.reranker = reranker;
	}

	BotDecision decide(BankIndex index, String text, String language) {
		String folded = ChatText.fold(text);
		if (this.signals.asksForPerson(folded)) {
			return decision(DecisionKind.HANDOFF, "ASKED_FOR_PERSON", language, null, List.of());
		}
		Courtesy.Kind courtesyOnly = this.courtesy.onlyCourtesy(folded);
		if (courtesyOnly != null) {
			return decision(DecisionKind.GREETING, courtesyOnly.name(), language, null, List.of());
		}
		double personal = this.signals.personalCase(folded);
		if (personal >= 1) {
			return decision(DecisionKind.HANDOFF, "PERSONAL_CASE", language, null, List.of());
		}
		// some sign of a personal case: answer only at the usual score, never from the lower one
		boolean lowerAllowed = personal <= 0;
		String question = this.courtesy.strip(folded);
		// a message asking several things is answered on its first question, when that one is clear
		String[] parts = QUESTIONS.split(question);
		String first = java.util.Arrays.stream(parts).filter(ChatText::hasLetters).findFirst().orElse("");
		if (parts.length > 1 && !first.isEmpty()) {
			List<Scored> found = this.reranker.rerank(first, index.search(index.terms(first, language)));
			if (confident(found, lowerAllowed)) {
				return decision(DecisionKind.ANSWER, "CONFIDENT_IN_PART", language, found.getFirst(), found);
			}
		}
		List<Scored> whole = this.reranker.rerank(question, index.search(index.terms(question, language)));
		if (confident(whole, lowerAllowed)) {
			return decision(DecisionKind.ANSWER, "CONFIDENT", language, whole.getFirst(), whole);
		}
		List<Scored> close = close(whole);
		if (close.size() >= 2) {
			return new BotDecision(DecisionKind.MENU, "CLOSE_ENTRIES", language, null, whole.getFirst().score(),
					candidates(whole), close.stream().map(s -> s.entry().key()).toList(), List.of());
		}
		String reason = whole.isEmpty() || whole.getFirst().score() < this.thresholds.menuAt() / 2 ? "NO_MATCH"
				: "LOW_CONFIDENCE";
		return decision(DecisionKind.HANDOFF, reason, language, null, whole);
	}

	private boolean confident(List<Scored> found, boolean lowerAllowed) {
		double from = lowerAllowed ? Math.min(this.thresholds.answerAt(), this.thresholds.clearAt()) : this.thresholds.answerAt();
		if (found.isEmpty() || found.getFirst().score() < from) {
			return false;
		}
		// one word in common is not enough to tell someone an answer, unless it is most of a way to ask
		if (found.getFirst().matched() < 2 && found.getFirst().closest() < 0.5) {
			return false;
		}
		// the entry must explain most of what the message asks: "síntomas del dengue" shares the
		// question's form with the COVID-19 symptoms, not its subject
		if (found.getFirst().coverage() < this.thresholds.coverAt()) {
			return false;
		}
		double lead = found.size() == 1 ? found.getFirst().score() : found.getFirst().score() - found.get(1).score();
		if (found.getFirst().score() >= this.thresholds.answerAt()) {
			return lead >= this.thresholds.margin();
		}
		// below the usual score, only an entry well ahead of every other: the lead needed slides from
		// clear-margin at clear-at down to the usual margin at answer-at
		double t = (found.getFirst().score() - this.thresholds.clearAt()) / (this.thresholds.answerAt() - this.thresholds.clearAt());
		double needed = this.thresholds.clearMargin() + Math.max(0, Math.min(1, t)) * (this.thresholds.margin() - this.thresholds.clearMargin());
		return lead >= needed;
	}

	/** Entries at menu level, within the margin of the best: a menu when there are two or three. */
	private List<Scored> close(List<Scored> found) {
		if (found.isEmpty() || found.getFirst().score() < this.thresholds.menuAt()) {
			return List.of();
		}
		double best = found.getFirst().score();
		List<Scored> close = new ArrayList<>();
		for (Scored scored : found) {
			if (best - scored.score() < this.thresholds.margin() && scored.score() >= this.thresholds.menuAt()) {
				close.add(scored);
			}
		}
		return close.size() <= 3 ? close : List.of();
	}

	private static BotDecision decision(DecisionKind kind, String reason, String language, Scored chosen, List<Scored> found) {
		return new BotDecision(kind, reason, language, chosen == null ? null : chosen.entry().key(),
				chosen != null ? chosen.score() : found.isEmpty() ? 0 : found.getFirst().score(), candidates(found), List.of(),
				List.of());
	}

	private static List<Candidate> candidates(List<Scored> found) {
		return found.stream()
			.limit(SHOWN)
			.map(s -> new Candidate(s.entry().key(), s.entry().content().question(), Math.round(s.score() * 1000) / 1000.0))
			.toList();
	}

}
