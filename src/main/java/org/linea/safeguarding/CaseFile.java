package org.linea.safeguarding;

import java.time.Instant;
import java.util.List;

/**
 * What a focal point works a case with: its notes, its referrals and their follow-ups, and the line's
 * services to refer to.
 */
public record CaseFile(SafeguardingCase safeguardingCase, String lineName, String outcomeCode, Instant closedAt,
		List<Note> notes, List<Referral> referrals, List<SupportService> services) {

	/** A case note: when, who, what (null once erased). */
	public record Note(long id, Instant at, String author, String text) {
	}

	/** A referral to a service, with the person's consent and its follow-ups, the latest last. */
	public record Referral(long id, String service, ServiceKind kind, String contacts, Instant referredAt, String referredBy,
			Consent consent, ReferralStatus status, String note, List<FollowUp> followUps) {
	}

	/** A follow-up of a referral: its status then, and what was learnt. */
	public record FollowUp(Instant at, String by, ReferralStatus status, String note) {
	}

}
