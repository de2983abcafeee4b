package org.linea.bot;

import java.util.List;

/**
 * What the bot does with a person's message: reply with these texts, and whether a person should
 * take the conversation.
 */
public record BotDecision(List<String> replies, boolean handOff, String reason) {

	public static BotDecision handOff(String reason) {
		return new BotDecision(List.of(), true, reason);
	}

}
