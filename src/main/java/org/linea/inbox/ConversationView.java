package org.linea.inbox;

import java.time.Instant;
import java.util.List;

import org.linea.admin.Line;
import org.linea.conversation.Conversation;
import org.linea.feedback.Coding;

/**
 * Everything the conversation pane shows.
 *
 * @param windowClosesAt end of WhatsApp's 24-hour window; null on channels without one
 */
public record ConversationView(Conversation conversation, Line line, String maskedPhone, String team, String holder,
		boolean heldByMe, List<MessageView> messages, List<Team> teams, List<TeamMember> colleagues, List<Referral> referrals,
		Coding coding, Instant windowClosesAt, boolean overdue) {

	public boolean windowOpen() {
		return this.windowClosesAt == null || this.windowClosesAt.isAfter(Instant.now());
	}

}
