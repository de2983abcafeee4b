package org.linea.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.shared.db.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The learned phrasings table, in SQL. Callers hold the transaction and have checked permissions. */
@Repository
class PhrasingStore {

	private static final String SELECT = """
			select id, entry_key, text, source, status, conversation_id, proposed_at from knowledge_phrasing
			""";

	private final JdbcClient jdbc;

	PhrasingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A proposal; false when the same message was already proposed for the entry. */
	boolean propose(long lineId, String entryKey, String text, PhrasingSource source, long conversationId, Long messageId,
			Long userId) {
		return this.jdbc.sql("""
				insert into knowledge_phrasing (line_id, entry_key, text, source, status, conversation_id, message_id, proposed_by)
				values (?, ?, ?, ?, 'PROPOSED', ?, ?, ?)
				on conflict (message_id, entry_key) where message_id is not null do nothing
				""").params(lineId, entryKey, text, source.name(), conversationId, messageId, userId).update() == 1;
	}

	void insertApproved(long lineId, String entryKey, String text, Long userId) {
		this.jdbc.sql("""
				insert into knowledge_phrasing (line_id, entry_key, text, source, status, proposed_by, reviewed_by, reviewed_at)
				values (?, ?, ?, 'IMPORTED', 'APPROVED', ?, ?, now())
				""").params(lineId, entryKey, text, userId, userId).update();
	}

	/** Whether the entry already has this phrasing, approved or waiting (case and spaces aside). */
	boolean has(long lineId, String entryKey, String text) {
		return this.jdbc.sql("""
				select exists (select 1 from knowledge_phrasing where line_id = ? and entry_key = ? and status <> 'REJECTED'
				               and lower(btrim(text)) = lower(btrim(?)))
				""").params(lineId, entryKey, text).query(Boolean.class).single();
	}

	List<Phrasing> proposed(long lineId, int limit) {
		return this.jdbc.sql(SELECT + " where line_id = ? and status = 'PROPOSED' order by proposed_at, id limit ?")
			.params(lineId, limit)
			.query(PhrasingStore::map)
			.list();
	}

	Optional<Phrasing> lock(long lineId, long id) {
		return this.jdbc.sql(SELECT + " where line_id = ? and id = ? for update").params(lineId, id).query(PhrasingStore::map).optional();
	}

	void review(long id, String entryKey, PhrasingStatus status, long userId) {
		this.jdbc.sql("update knowledge_phrasing set entry_key = ?, status = ?, reviewed_by = ?, reviewed_at = now() where id = ?")
			.params(entryKey, status.name(), userId, id)
			.update();
	}

	/** Approved phrasings by entry, oldest first. */
	Map<String, List<String>> approved(long lineId) {
		Map<String, List<String>> byEntry = new LinkedHashMap<>();
		this.jdbc.sql("select entry_key, text from knowledge_phrasing where line_id = ? and status = 'APPROVED' order by id")
			.param(lineId)
			.query((ResultSet rs) -> {
				byEntry.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
			});
		return byEntry;
	}

	/** The lines whose approved phrasings the rows being erased belong to (for their bank's revision). */
	List<Long> approvedLines(String conversationArray) {
		return this.jdbc.sql("""
				select distinct line_id from knowledge_phrasing where conversation_id = any(?::bigint[]) and status = 'APPROVED'
				""").param(conversationArray).query(Long.class).list();
	}

	List<Map<String, Object>> ofConversations(String conversationArray) {
		return this.jdbc.sql("""
				select entry_key, text, source, status, proposed_at from knowledge_phrasing
				where conversation_id = any(?::bigint[]) order by id
				""").param(conversationArray).query((rs, n) -> Map.<String, Object>of("entry", rs.getString(1), "text",
				rs.getString(2), "source", rs.getString(3), "status", rs.getString(4), "at",
				rs.getTimestamp(5).toInstant().toString())).list();
	}

	int deleteOfConversations(String conversationArray) {
		return this.jdbc.sql("delete from knowledge_phrasing where conversation_id = any(?::bigint[])").param(conversationArray).update();
	}

	int countOlder(long lineId, Instant before) {
		return this.jdbc.sql("select count(*) from knowledge_phrasing where line_id = ? and conversation_id is not null and proposed_at < ?")
			.params(lineId, Rows.timestamp(before))
			.query(Integer.class)
			.single();
	}

	boolean anyApprovedOlder(long lineId, Instant before) {
		return this.jdbc.sql("""
				select exists (select 1 from knowledge_phrasing where line_id = ? and conversation_id is not null and proposed_at < ?
				               and status = 'APPROVED')
				""").params(lineId, Rows.timestamp(before)).query(Boolean.class).single();
	}

	int deleteOlder(long lineId, Instant before) {
		return this.jdbc.sql("delete from knowledge_phrasing where line_id = ? and conversation_id is not null and proposed_at < ?")
			.params(lineId, Rows.timestamp(before))
			.update();
	}

	private static Phrasing map(ResultSet rs, int row) throws SQLException {
		long conversation = rs.getLong("conversation_id");
		return new Phrasing(rs.getLong("id"), rs.getString("entry_key"), rs.getString("text"),
				PhrasingSource.valueOf(rs.getString("source")), PhrasingStatus.valueOf(rs.getString("status")),
				rs.wasNull() ? null : conversation, Rows.instant(rs, "proposed_at"));
	}

}
