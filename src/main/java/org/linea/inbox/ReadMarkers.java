package org.linea.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.linea.conversation.ConversationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How far each operator has read each conversation, for the unread counts of the queue. */
@Component
class ReadMarkers {

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	ReadMarkers(JdbcClient jdbc, ConversationService conversations) {
		this.jdbc = jdbc;
		this.conversations = conversations;
	}

	void markRead(long userId, long conversationId, long lastId) {
		this.jdbc.sql("""
				insert into inbox_read_marker (user_id, conversation_id, last_read_id) values (?, ?, ?)
				on conflict (user_id, conversation_id) do update set last_read_id = greatest(inbox_read_marker.last_read_id, excluded.last_read_id)
				""").params(userId, conversationId, lastId).update();
	}

	/** Messages from the person since the user last read each conversation. */
	Map<Long, Integer> unread(long userId, List<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> lastRead = new HashMap<>();
		conversationIds.forEach(id -> lastRead.put(id, 0L));
		this.jdbc.sql("select conversation_id, last_read_id from inbox_read_marker where user_id = ? and conversation_id = any(?)")
			.params(userId, conversationIds.toArray(Long[]::new))
			.query((rs, n) -> lastRead.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return this.conversations.inboundAfter(lastRead);
	}

}
