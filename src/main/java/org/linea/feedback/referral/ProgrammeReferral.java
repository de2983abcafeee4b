package org.linea.feedback.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint or request referred to a programme, with who took each step and when.
 *
 * @param category the record's feedback type when referred: COMPLAINT or REQUEST_FOR_HELP
 * @param overdue not closed and past its due date in the line's days
 */
public record ProgrammeReferral(long id, String programme, String category, LocalDate dueOn, ReferralStep step, String note,
		String response, Taken referred, Taken responded, Taken informed, Taken closed, boolean overdue) {

	/** The four steps in order, each with who took it and when (null when not yet). */
	public List<StepTaken> steps() {
		return List.of(new StepTaken(ReferralStep.REFERRED, this.referred), new StepTaken(ReferralStep.RESPONDED, this.responded),
				new StepTaken(ReferralStep.INFORMED, this.informed), new StepTaken(ReferralStep.CLOSED, this.closed));
	}

	public record StepTaken(ReferralStep step, Taken taken) {
	}

	/** Who took a step and when; null when not taken yet. */
	public record Taken(String by, Instant at) {
	}

}
