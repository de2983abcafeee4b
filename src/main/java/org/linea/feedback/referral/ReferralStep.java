package org.linea.feedback.referral;

/**
 * Where a referral to a programme is: REFERRED -> RESPONDED (the programme answered) -> INFORMED (the
 * person was told) -> CLOSED. Steps are taken in order, never skipped or undone.
 */
public enum ReferralStep {

	REFERRED, RESPONDED, INFORMED, CLOSED;

	ReferralStep next() {
		return this == CLOSED ? null : values()[ordinal() + 1];
	}

}
