package org.linea.inbox;

import java.util.List;

import org.linea.access.Line;
import org.linea.channel.MessageTemplate;
import org.linea.channel.ReplyWindow;
import org.linea.contact.PhoneUse;
import org.linea.conversation.Conversation;
import org.linea.feedback.coding.Coding;

/**
 * Everything the conversation pane shows.
 *
 * @param window whether free-form replies can go now; when not, the {@code templates} can
 * @param overdue whether the person has waited longer than the line's response-time objective
 * @param phoneUse whether the number is the person's own or shared by several people
 * @param earlierInteractions how many interactions the number had before this one (shown on request)
 * @param replyInDoubt whether a reply may not have reached the person (its send was never confirmed)
 */
public record ConversationView(Conversation conversation, Line line, String maskedPhone, PhoneUse phoneUse,
		int earlierInteractions, String team, String holder,
		boolean heldByMe, List<MessageView> messages, List<Team> teams, List<TeamMember> colleagues, List<Referral> referrals,
		Coding coding, ReplyWindow window, List<MessageTemplate> templates, boolean overdue,
		boolean replyInDoubt) {
}
