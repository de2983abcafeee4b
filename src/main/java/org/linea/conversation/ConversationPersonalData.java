package org.linea.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.contact.ContactErased;
import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.MonthlyPartitioned;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;
import org.linea.privacy.SubjectConversations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's conversations and every message in them (theirs, the bot's, operators', internal
 * notes). Erasing empties the texts and media references and keeps the rows, so the anonymous
 * feedback log's counts stay true.
 */
@Configuration(proxyBeanMethods = false)
class ConversationPersonalData implements PersonalDataHolder, SubjectConversations {

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	ConversationPersonalData(JdbcClient jdbc, ConversationService conversations) {
		this.jdbc = jdbc;
		this.conversations = conversations;
	}

	/**
	 * Message texts of the line; a safeguarding case's conversation is left to the case's own period
	 * (safeguarding's {@code safeguarding_case_content}).
	 */
	@Bean
	static RetentionTarget messageTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.MESSAGE_TEXTS, "conversation_message", "body = null, media_ref = null", """
				line_id = ? and created_at < ? and (body is not null or media_ref is not null)
				and conversation_id not in (select conversation_id from safeguarding_case
				                            where conversation_id is not null and status <> 'NOT_SENSITIVE')""");
	}

	/** Messages go by month once every line is past its period for texts and media (V81). */
	@Bean
	static MonthlyPartitioned messagesByMonth() {
		// a month goes whole only once a case's messages in it are past the case-content period too
		return MonthlyPartitioned.of("conversation_message", "created_at", DataTypes.MESSAGE_TEXTS, DataTypes.MEDIA,
				DataTypes.SAFEGUARDING_CASE_CONTENT);
	}

	@Override
	public List<Long> of(long contactId) {
		return this.jdbc.sql("select id from conversation_conversation where contact_id = ? order by id").param(contactId)
			.query(Long.class).list();
	}

	@Override
	public String section() {
		return "conversations";
	}

	@Override
	public Object export(DataSubject subject) {
		return subject.conversationIds().stream().map(id -> {
			Conversation conversation = this.conversations.get(id);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", id);
			row.put("state", conversation.state().name());
			row.put("language", conversation.language());
			row.put("messages", this.jdbc.sql("""
					select direction, sender_kind, body, media_ref, status, created_at from conversation_message
					where conversation_id = ? order by id
					""").param(id).query((rs, n) -> {
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("direction", rs.getString(1));
				message.put("from", rs.getString(2));
				message.put("text", rs.getString(3));
				message.put("media", rs.getString(4));
				message.put("status", rs.getString(5));
				message.put("at", rs.getTimestamp(6).toInstant().toString());
				return message;
			}).list());
			return row;
		}).toList();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		if (subject.conversationIds().isEmpty()) {
			return Map.of();
		}
		int texts = this.jdbc.sql("""
				update conversation_message set body = null, media_ref = null
				where conversation_id = any(?::bigint[]) and (body is not null or media_ref is not null)
				""").param(subject.conversationArray()).update();
		return Map.of(DataTypes.MESSAGE_TEXTS, texts);
	}

	/** An erased person's open conversation ends, without the closing questions. */
	@EventListener
	void erased(ContactErased erased) {
		of(erased.contactId()).forEach(id -> this.conversations.close(id, null, "ERASED"));
	}


}
