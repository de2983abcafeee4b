package org.linea.survey;

/** What a person's reply to a question turned out to be. */
sealed interface Answer {

	/** An answer: a choice name, choice names space-separated, a number, an ISO date, or text. */
	record Value(String value) implements Answer {
	}

	/** The person skipped the question (a skip word). */
	record Skipped() implements Answer {
	}

	/** Meant as an answer but not a valid one: asked again with this message key. */
	record Invalid(String messageKey) implements Answer {
	}

	/** Not an answer at all: a question of their own, for the bot or the team. */
	record NotAnAnswer() implements Answer {
	}

}
