package org.linea.inbox;

import java.time.Instant;

/** A referral to a specialist or service, followed until done. */
public record Referral(long id, long conversationId, String service, Instant appointmentAt, String status, String note,
		Instant createdAt) {
}
