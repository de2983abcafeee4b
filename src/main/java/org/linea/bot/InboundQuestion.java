package org.linea.bot;

import org.linea.access.Line;

/**
 * A person's message for the bot to decide on.
 *
 * @param language the conversation's language so far
 * @param greeted whether the line has just greeted the person (a new conversation)
 */
public record InboundQuestion(Line line, long conversationId, long messageId, String language, String text,
		boolean greeted) {
}
