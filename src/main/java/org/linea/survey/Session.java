package org.linea.survey;

/**
 * A person taking a survey in a wave (table {@code survey_session}).
 * ACTIVE (asked, answering) → COMPLETE | STOPPED (stop keyword, opt-out, safeguarding) | TIMED_OUT.
 *
 * @param currentQuestion the name of the question waiting for an answer
 * @param paused waiting for the team after the person's own question was handed over
 * @param waitingReply invited by template outside WhatsApp's window: the survey begins when the person replies
 */
record Session(long id, long surveyId, long waveId, long lineId, long contactId, String respondentCode, String status,
		String language, String currentQuestion, boolean paused, int remindersSent,
		boolean waitingReply) {
}
