package org.linea.safeguarding;

/**
 * The person's consent to a referral: given, informed; or referred without it because a life is at
 * risk (then the focal point writes why).
 */
public enum Consent {
	GIVEN, LIFE_AT_RISK
}
