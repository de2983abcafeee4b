package org.linea.access;

/**
 * What verifying the audit chain found.
 *
 * @param intact whether every entry links to the one before and hashes to what it holds
 * @param checked entries verified before the first problem (all of them when intact)
 * @param brokenAt the id of the first entry that does not fit, or null
 * @param problem what is wrong there, or null
 */
public record ChainVerification(boolean intact, long checked, Long brokenAt, String problem) {

	static ChainVerification intact(long checked) {
		return new ChainVerification(true, checked, null, null);
	}

	static ChainVerification broken(long checked, long at, String problem) {
		return new ChainVerification(false, checked, at, problem);
	}

}
