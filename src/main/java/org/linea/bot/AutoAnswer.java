package org.linea.bot;

import org.linea.admin.Line;

/**
 * The seam where automatic answers plug in: given what a person wrote on a line, decide whether the
 * bot answers or hands over to people. Exactly one implementation is a bean.
 */
public interface AutoAnswer {

	BotDecision decide(Line line, String language, String text);

}
