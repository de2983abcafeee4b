package org.linea.bot;

import org.linea.access.Line;

/**
 * A person's message for the bot to decide on.
 *
 * @param language the conversation's language so far
 * @param greeted whether the line has just greeted the person (a new conversation)
 * @param screened whether the caller has screened the text for a safeguarding report already (with the
 * person's previous message): the bot then does not screen it again
 */
public record InboundQuestion(Line line, long conversationId, long messageId, String language, String text,
		boolean greeted, boolean screened) {

	/** A message not yet screened: the bot screens it before searching the bank. */
	public InboundQuestion(Line line, long conversationId, long messageId, String language, String text, boolean greeted) {
		this(line, conversationId, messageId, language, text, greeted, false);
	}

}
