package org.linea.bot;

import org.linea.safeguarding.Finding;

/**
 * The seam where automatic answers plug in: given what a person wrote on a line, decide whether the
 * bot answers or hands over to people, and record the decision. Exactly one implementation is a bean.
 */
public interface AutoAnswer {

	BotDecision decide(InboundQuestion question);

	/** Records that safeguarding took this message before the bot: it is never answered from the bank. */
	void recordSensitive(InboundQuestion question, Finding finding);

}
