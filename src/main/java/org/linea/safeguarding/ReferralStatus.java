package org.linea.safeguarding;

/** Where a referral stands, as its latest follow-up says. */
public enum ReferralStatus {
	REFERRED, ACCEPTED, ATTENDED, DECLINED_BY_SERVICE, DECLINED_BY_PERSON, NO_RESPONSE
}
