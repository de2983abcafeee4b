package org.linea.inbox;

import java.util.List;

import org.linea.admin.Line;
import org.linea.channel.MessageTemplate;
import org.linea.channel.ReplyWindow;
import org.linea.conversation.Conversation;

/**
 * Everything the conversation pane shows.
 *
 * @param window whether free-form replies can go now; when not, the {@code templates} can
 */
public record ConversationView(Conversation conversation, Line line, String maskedPhone, String holder, boolean heldByMe,
		List<MessageView> messages, ReplyWindow window, List<MessageTemplate> templates) {
}
