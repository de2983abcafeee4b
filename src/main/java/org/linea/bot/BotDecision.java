package org.linea.bot;

import java.util.List;

import org.linea.safeguarding.Finding;

/**
 * What the bot does with a person's message: the decision, the texts to reply with, and what it
 * weighed to get there.
 *
 * @param reason why, in a stable code (e.g. {@code CONFIDENT}, {@code ASKED_FOR_PERSON}, {@code LOW_CONFIDENCE})
 * @param language the language the message was read in, and the replies are written in
 * @param entryKey the entry answered, or null
 * @param score the answered (or best) entry's score, 0 to 1
 * @param candidates the closest entries, best first
 * @param menu the entries offered, in the order of the menu's numbers
 * @param safeguarding for a {@code SENSITIVE} decision, what safeguarding detection found; else null
 */
public record BotDecision(DecisionKind kind, String reason, String language, String entryKey, double score,
		List<Candidate> candidates, List<String> menu, List<String> replies, Finding safeguarding) {

	public BotDecision(DecisionKind kind, String reason, String language, String entryKey, double score,
			List<Candidate> candidates, List<String> menu, List<String> replies) {
		this(kind, reason, language, entryKey, score, candidates, menu, replies, null);
	}

	public BotDecision {
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
		menu = menu == null ? List.of() : List.copyOf(menu);
		replies = replies == null ? List.of() : List.copyOf(replies);
	}

	public static BotDecision handOff(String reason) {
		return new BotDecision(DecisionKind.HANDOFF, reason, null, null, 0, List.of(), List.of(), List.of());
	}

	/** A safeguarding report: never answered from the bank, handed to the safeguarding focal points. */
	public static BotDecision sensitive(Finding finding, String language) {
		return new BotDecision(DecisionKind.SENSITIVE, finding.reason(), language, null, 0, List.of(), List.of(), List.of(),
				finding);
	}

	/** Whether a person should take the conversation. */
	public boolean handOff() {
		return this.kind.handsOver();
	}

	BotDecision withReplies(List<String> texts) {
		return new BotDecision(this.kind, this.reason, this.language, this.entryKey, this.score, this.candidates, this.menu,
				texts, this.safeguarding);
	}

}
