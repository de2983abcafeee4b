package org.linea.safeguarding;

/** How a case was closed: the fixed list a focal point chooses from (a note may add to it). */
public enum Outcome {
	/** The person got the support they needed. */
	SUPPORTED,
	/** Referred; the service goes on with it. */
	REFERRED_ONGOING,
	/** The person did not want (more) support. */
	PERSON_DECLINED,
	/** The person could no longer be reached. */
	LOST_CONTACT,
	/** Handed to the organisation's investigation. */
	INVESTIGATION,
	/** Looked into: not a safeguarding matter. */
	UNFOUNDED,
	OTHER
}
