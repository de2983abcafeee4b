package org.linea.conversation;

/**
 * What the inbound pipeline asks of a survey a person is taking (the survey module implements it, so
 * that conversations need not know surveys). Called after opt-out, data-request and safeguarding
 * screening, before the greeting and the bot.
 */
public interface SurveyTurns {

	/** What became of a message from a person. */
	enum Outcome {

		/** The person is taking no survey (or it waits for the team): the message goes its usual way. */
		NO_SURVEY,

		/** An answer, a re-ask or the stop keyword: the survey sent what follows. */
		TAKEN,

		/** Not an answer (a question of their own): the bot or the team take it, then the survey resumes. */
		NOT_AN_ANSWER

	}

	Outcome take(Conversation conversation, String text);

	/**
	 * A message that was not an answer has been dealt with: answered by the bot ({@code handedOver}
	 * false), and the survey asks its question again; or handed to the team, and the survey waits.
	 */
	void resumeAfter(Conversation conversation, boolean handedOver);

	/** Ends the person's running survey, if any, without a word (opt-out, a safeguarding report). */
	void stop(long contactId, String reason);

	/** Whether the person is taking a survey (their conversation then gets no closing questions). */
	boolean running(long contactId);

}
