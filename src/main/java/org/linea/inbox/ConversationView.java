package org.linea.inbox;

import java.util.List;

import org.linea.admin.Line;
import org.linea.conversation.Conversation;

/** Everything the conversation pane shows. */
public record ConversationView(Conversation conversation, Line line, String maskedPhone, String holder, boolean heldByMe,
		List<MessageView> messages) {
}
