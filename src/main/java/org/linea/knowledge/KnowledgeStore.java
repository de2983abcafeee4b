package org.linea.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.linea.shared.db.Rows;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The knowledge tables, in SQL. Callers hold the transaction and have checked permissions. */
@Repository
class KnowledgeStore {

	private static final String SELECT = """
			select id, line_id, status, version, content::text as content, updated_at, updated_by
			from knowledge_entry
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	KnowledgeStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<KnowledgeEntry> entries(long lineId) {
		return this.jdbc.sql(SELECT + " where line_id = ? order by topic, entry_key").param(lineId).query(this::map).list();
	}

	List<KnowledgeEntry> validated(long lineId) {
		return this.jdbc.sql(SELECT + " where line_id = ? and status = 'VALIDATED' order by entry_key")
			.param(lineId)
			.query(this::map)
			.list();
	}

	Optional<KnowledgeEntry> find(long lineId, String key) {
		return this.jdbc.sql(SELECT + " where line_id = ? and entry_key = ?").params(lineId, key).query(this::map).optional();
	}

	/** The entry, locked for a change. */
	Optional<KnowledgeEntry> lock(long lineId, String key) {
		return this.jdbc.sql(SELECT + " where line_id = ? and entry_key = ? for update")
			.params(lineId, key)
			.query(this::map)
			.optional();
	}

	long insert(long lineId, EntryStatus status, EntryContent content, String by) {
		return this.jdbc.sql("""
				insert into knowledge_entry (line_id, entry_key, topic, kind, status, content, version, updated_by)
				values (?, ?, ?, ?, ?, ?::jsonb, 1, ?) returning id
				""")
			.params(lineId, content.key(), content.topic(), content.kind().name(), status.name(), write(content), by)
			.query(Long.class)
			.single();
	}

	void update(long id, int version, EntryStatus status, EntryContent content, String by) {
		this.jdbc.sql("""
				update knowledge_entry set topic = ?, kind = ?, status = ?, content = ?::jsonb, version = ?, updated_at = now(),
				       updated_by = ?
				where id = ?
				""")
			.params(content.topic(), content.kind().name(), status.name(), write(content), version, by, id)
			.update();
	}

	void addVersion(long entryId, int version, EntryStatus status, EntryContent content, String change, String by) {
		this.jdbc.sql("""
				insert into knowledge_entry_version (entry_id, version, status, content, change, changed_by)
				values (?, ?, ?, ?::jsonb, ?, ?)
				""").params(entryId, version, status.name(), write(content), change, by).update();
	}

	List<EntryVersion> versions(long entryId) {
		return this.jdbc.sql("""
				select version, status, content::text as content, change, changed_at, changed_by
				from knowledge_entry_version where entry_id = ? order by version desc
				""").param(entryId).query(this::mapVersion).list();
	}

	Optional<EntryVersion> version(long entryId, int version) {
		return this.jdbc.sql("""
				select version, status, content::text as content, change, changed_at, changed_by
				from knowledge_entry_version where entry_id = ? and version = ?
				""").params(entryId, version).query(this::mapVersion).optional();
	}

	List<Topic> topics(long lineId) {
		return this.jdbc.sql("select slug, name from knowledge_topic where line_id = ? order by slug")
			.param(lineId)
			.query(Topic.class)
			.list();
	}

	void ensureTopic(long lineId, String slug, String name) {
		this.jdbc.sql("""
				insert into knowledge_topic (line_id, slug, name) values (?, ?, ?)
				on conflict (line_id, slug) do nothing
				""").params(lineId, slug, name).update();
	}

	void renameTopic(long lineId, String slug, String name) {
		this.jdbc.sql("update knowledge_topic set name = ? where line_id = ? and slug = ?").params(name, lineId, slug).update();
	}

	/** Keys in use on the line that start with this prefix, to number a new one. */
	List<String> keysStartingWith(long lineId, String prefix) {
		return this.jdbc.sql("select entry_key from knowledge_entry where line_id = ? and entry_key like ?")
			.params(lineId, prefix.replace("_", "\\_") + "%")
			.query(String.class)
			.list();
	}

	/** Marks the bank changed, serialising concurrent changes of one line's bank. */
	void touch(long lineId) {
		this.jdbc.sql("""
				insert into knowledge_bank (line_id, revision) values (?, 1)
				on conflict (line_id) do update set revision = knowledge_bank.revision + 1, changed_at = now()
				""").param(lineId).update();
	}

	/** The bank's revision; -1 when it was never set up. */
	long revision(long lineId) {
		return this.jdbc.sql("select revision from knowledge_bank where line_id = ?")
			.param(lineId)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	private String write(EntryContent content) {
		return this.json.writeValueAsString(content);
	}

	private EntryContent read(String content) {
		return this.json.readValue(content, EntryContent.class);
	}

	private KnowledgeEntry map(ResultSet rs, int row) throws SQLException {
		return new KnowledgeEntry(rs.getLong("id"), rs.getLong("line_id"), EntryStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), read(rs.getString("content")), Rows.instant(rs, "updated_at"), rs.getString("updated_by"));
	}

	private EntryVersion mapVersion(ResultSet rs, int row) throws SQLException {
		return new EntryVersion(rs.getInt("version"), EntryStatus.valueOf(rs.getString("status")), read(rs.getString("content")),
				rs.getString("change"), Rows.instant(rs, "changed_at"), rs.getString("changed_by"));
	}

}
