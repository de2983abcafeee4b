package org.linea.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linea.access.Line;
import org.linea.access.UserService;
import org.linea.channel.ChannelService;
import org.linea.conversation.ConversationMessage;

import org.springframework.stereotype.Component;

/** Messages as the conversation pane shows them: who wrote each in words, attachments, SMS segments. */
@Component
class MessageViews {

	private final UserService users;

	private final ChannelService channels;

	MessageViews(UserService users, ChannelService channels) {
		this.users = users;
		this.channels = channels;
	}

	List<MessageView> of(Line line, List<ConversationMessage> messages) {
		Set<Long> authors = new HashSet<>();
		messages.forEach(m -> {
			if (m.authorId() != null) {
				authors.add(m.authorId());
			}
		});
		Map<Long, String> names = this.users.displayNames(authors);
		return messages.stream()
			.map(m -> new MessageView(m.id(), m.direction(), m.senderKind().name(),
					m.authorId() == null ? null : names.get(m.authorId()), m.body(), m.status(), m.errorCode(), m.createdAt(),
					this.channels.attachment(m.mediaRef()).orElse(null),
					"OUT".equals(m.direction()) ? this.channels.segments(line, m.body()).orElse(null) : null))
			.toList();
	}

}
