package org.linea.bot;

/**
 * The seam where automatic answers plug in: given what a person wrote on a line, decide whether the
 * bot answers or hands over to people, and record the decision. Exactly one implementation is a bean.
 */
public interface AutoAnswer {

	BotDecision decide(InboundQuestion question);

}
