package org.linea.feedback.log;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One interaction in the feedback log, as coordinators, analysts and exports see it: no message text,
 * no phone number, no name of the person; demographics only as the person consented to give them.
 *
 * @param answeredBy BOT, PERSON, or NONE when nobody answered
 * @param operators display names of the staff who answered
 * @param firstResponseMinutes minutes from opening to the first answer, null when unanswered
 * @param resolutionMinutes minutes from opening to closing, null while open
 * @param loopAnnouncementId the last announcement ("you said, we did") sent to the person about this feedback, if any
 * @param loopClosedOn the day (in the line's time zone) that announcement was sent
 */
public record LogRecord(long conversationId, String code, String lineName, LocalDate day, Instant openedAt, String channel,
		String language, List<String> operators, List<String> topics, List<String> informationTypes, String feedbackType,
		String answeredBy, Long firstResponseMinutes, Long resolutionMinutes, Integer satisfaction, boolean closed,
		String gender, String ageRange, String location, String migrantStatus, Long loopAnnouncementId, LocalDate loopClosedOn) {

	/** Whether the people who raised it were told what was done ("you said, we did"). */
	public boolean loopClosed() {
		return this.loopAnnouncementId != null;
	}
}
