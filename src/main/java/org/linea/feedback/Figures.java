package org.linea.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a scope's feedback log adds up to: the dashboard's and the weekly report's figures. Counts
 * of people by demographics are of people who consented, with small counts suppressed (null).
 *
 * @param days interactions and messages per day (in the line's zone), days without any left out
 * @param feedbackTypes interactions by type of feedback; UNCODED for those not coded yet
 * @param topics interactions by topic, most frequent first
 * @param topicsByType for each type of feedback, its topics, most frequent first
 * @param topicTrend interactions per week of each of the top topics
 * @param demographics people by GENDER, AGE_RANGE, LOCATION and MIGRANT_STATUS, each by answer
 * @param satisfaction how many rated 1, 2, 3, 4 and 5
 */
public record Figures(Totals totals, List<Week> weeks, List<Day> days, Map<String, Long> feedbackTypes, Map<String, Long> topics,
		Map<String, Map<String, Long>> topicsByType, Map<String, Map<LocalDate, Long>> topicTrend,
		Map<String, Map<String, Long>> demographics, long[] satisfaction, int suppressionThreshold) {

	/**
	 * @param users people who wrote in (each counted once)
	 * @param newUsers people whose first interaction with the line is in the range
	 * @param returningUsers people reached in the range who had written before
	 * @param unanswered interactions nobody answered
	 * @param late interactions first answered later than the line's objective
	 * @param medianFirstResponseMinutes of answered interactions, null when none
	 * @param satisfied ratings of 4 or 5
	 * @param loopClosed interactions whose people were later told what was done (an announcement, "you said, we did")
	 */
	public record Totals(long interactions, long users, long newUsers, long returningUsers, long messagesIn, long messagesBot,
			long messagesOperator, long answeredByBot, long answeredByPerson, long unanswered, long late, long closed,
			Double medianFirstResponseMinutes, Double averageSatisfaction, long rated, long satisfied, long whatsapp, long sms,
			long web, long loopClosed) {
	}

	/** A day in the line's zone. */
	public record Day(LocalDate day, long interactions, long messagesIn, long messagesOut) {
	}

	/** A week (from its Monday, in the line's zone). */
	public record Week(LocalDate start, long interactions, long messagesIn, long messagesOut) {
	}

}
