package org.linea.bot;

import org.linea.admin.Line;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** Until a line has a knowledge bank to answer from, every message goes to the team. */
@Configuration(proxyBeanMethods = false)
class HandEverythingToTeam {

	@Bean
	@Fallback
	AutoAnswer teamAnswersEverything() {
		return (Line line, String language, String text) -> BotDecision.handOff("NO_KNOWLEDGE_BANK");
	}

}
