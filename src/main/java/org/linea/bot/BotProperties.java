package org.linea.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sure the bot must be. Scores run from 0 (nothing in common) to 1 (the message is an entry's
 * phrasing).
 *
 * @param answerAt the best entry's score from which the bot answers with it
 * @param margin how far ahead of the next entry the best must be to answer alone
 * @param menuAt the score from which close entries are offered as a menu instead of handing over
 * @param clearAt a lower score from which the best entry is answered all the same when it is well
 * ahead of every other: the message is plainly about that entry, in words of its own
 * @param clearMargin how far ahead of the next entry the best must be to be answered at {@code clearAt};
 * the lead needed slides from it down to {@code margin} at {@code answerAt}
 * @param coverAt the share of the message's content (rarity-weighted) that the best entry must explain
 * to be answered at all: below it the message asks about something the entry does not address
 */
@ConfigurationProperties("linea.bot")
public record BotProperties(Double answerAt, Double margin, Double menuAt, Double clearAt, Double clearMargin, Double coverAt) {

	public BotProperties {
		answerAt = answerAt == null ? 0.55 : answerAt;
		margin = margin == null ? 0.06 : margin;
		menuAt = menuAt == null ? 0.45 : menuAt;
		clearAt = clearAt == null ? 0.35 : clearAt;
		clearMargin = clearMargin == null ? 0.2 : clearMargin;
		coverAt = coverAt == null ? 0.5 : coverAt;
	}

}
