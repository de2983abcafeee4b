package org.linea.conversation;

import java.time.Instant;
import java.util.List;

/**
 * An interaction between a person and a line.
 *
 * @param teamId the queue (team) it waits in or is handled by; null before it reaches people
 * @param triage the psychosocial traffic light: GREEN, YELLOW, RED, or null when not triaged
 * @param waitingSince the person's oldest message not yet answered, null when answered
 * @param lastInboundAt when the person last wrote (opens WhatsApp's 24-hour window)
 * @param isNew whether it was opened by the message being processed
 */
public record Conversation(long id, long lineId, long contactId, String contactCode, ConversationState state,
		String language, Long assigneeId, Long teamId, String triage, List<String> tags, Instant openedAt,
		Instant waitingSince, Instant lastInboundAt, Instant lastMessageAt, Instant firstResponseAt, Instant escalatedAt,
		Instant closedAt, boolean isNew) {

	public boolean isOpen() {
		return this.state != ConversationState.CLOSED;
	}

	public boolean isHeldBy(long userId) {
		return this.state == ConversationState.ASSIGNED && this.assigneeId != null && this.assigneeId == userId;
	}

	Conversation speaking(String language) {
		return new Conversation(this.id, this.lineId, this.contactId, this.contactCode, this.state, language, this.assigneeId,
				this.teamId, this.triage, this.tags, this.openedAt, this.waitingSince, this.lastInboundAt, this.lastMessageAt,
				this.firstResponseAt, this.escalatedAt, this.closedAt, this.isNew);
	}

	Conversation asNew() {
		return new Conversation(this.id, this.lineId, this.contactId, this.contactCode, this.state, this.language,
				this.assigneeId, this.teamId, this.triage, this.tags, this.openedAt, this.waitingSince, this.lastInboundAt,
				this.lastMessageAt, this.firstResponseAt, this.escalatedAt, this.closedAt, true);
	}

}
