package org.linea.survey;

import java.util.List;

/**
 * The questions of the closing flow, in order. Each numbered question lists the values its options
 * stand for; the last option of a demographic question is always "prefer not to say / don't know".
 */
public enum ClosingStep {

	SATISFACTION(List.of("1", "2", "3", "4", "5")),

	/**
	 * Whether the phone is the person's own or shared; asked of a number that went through closing
	 * before and whose use nobody has said yet, so that a community phone's answers are not carried over.
	 */
	SHARED_PHONE(List.of("OWN", "SHARED")),

	CONSENT_DEMOGRAPHICS(List.of("YES", "NO")),

	GENDER(List.of("FEMALE", "MALE", "OTHER", "PREFER_NOT_TO_SAY")),

	AGE_RANGE(List.of("UNDER_18", "18_29", "30_44", "45_59", "60_PLUS", "PREFER_NOT_TO_SAY")),

	/** Free text; 0 means "prefer not to say". */
	LOCATION(List.of()),

	MIGRANT_STATUS(List.of("MIGRANT_OR_REFUGEE", "HOST_COMMUNITY", "RETURNEE", "DONT_KNOW_OR_PREFER_NOT_TO_SAY")),

	CONSENT_INFO_BROADCASTS(List.of("YES", "NO")),

	CONSENT_SURVEYS(List.of("YES", "NO"));

	private final List<String> options;

	ClosingStep(List<String> options) {
		this.options = options;
	}

	public List<String> options() {
		return this.options;
	}

	public String messageKey() {
		return "bot.closing." + name();
	}

}
