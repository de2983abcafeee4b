package org.linea.access;

import org.linea.personaldata.DataTypes;
import org.linea.personaldata.MonthlyPartitioned;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what to which record, and when: every reveal or export of personal data, every purge and
 * erasure, every change of accounts and roles. Written in the caller's transaction, so an action and
 * its record land together. Details never hold personal data themselves.
 * <p>
 * Entries form a hash chain: each holds the hash of the entry before it and its own hash over its
 * fields and that link. Writers take the chain's single row lock, so entries are chained in id order
 * across nodes; {@link #verify()} recomputes the chain and names the first entry that does not fit.
 */
@Service
public class AuditLog implements MonthlyPartitioned {

	private static final String COLUMNS = "id, occurred_at, user_id, username, organisation_id, action, subject_type, subject_id, detail::text as detail, prev_hash, entry_hash";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String subjectType, String subjectId, Map<String, ?> detail) {
		record(null, action, subjectType, subjectId, detail);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Long organisationId, String action, String subjectType, String subjectId, Map<String, ?> detail) {
		LineaUser user = CurrentUser.find().orElse(null);
		byte[] previous = lockHead();
		Row row = this.jdbc.sql("""
				insert into privacy_audit_log (occurred_at, user_id, username, organisation_id, action, subject_type, subject_id, detail, prev_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
				returning""" + " " + COLUMNS)
			.params(Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS)), user == null ? null : user.id(),
					user == null ? "system" : user.getUsername(), organisationId, action, subjectType, subjectId,
					this.json.writeValueAsString(detail), previous)
			.query(AuditLog::row)
			.single();
		byte[] hash = hash(row, previous);
		this.jdbc.sql("update privacy_audit_log set entry_hash = ? where id = ? and occurred_at = ?")
			.params(hash, row.id(), Timestamp.from(row.occurredAt()))
			.update();
		this.jdbc.sql("update privacy_audit_chain set head_id = ?, head_hash = ? where id = 1").params(row.id(), hash).update();
	}

	/** The newest entries, filtered by user, action and time (each filter optional). */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditFilter filter, int limit) {
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, detail::text as detail from privacy_audit_log
				where (cast(? as text) is null or username = ?) and (cast(? as text) is null or action = ?)
				  and (cast(? as timestamptz) is null or occurred_at >= ?) and (cast(? as timestamptz) is null or occurred_at < ?)
				order by id desc limit ?
				""")
			.params(filter.username(), filter.username(), filter.action(), filter.action(), filter.fromTimestamp(),
					filter.fromTimestamp(), filter.toTimestamp(), filter.toTimestamp(), limit)
			.query(AuditEntry.class)
			.list();
	}

	/** The latest entries about these organisations or about these users' accounts. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recentAbout(Collection<Long> organisationIds, Collection<Long> userIds, int limit) {
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, detail::text as detail
				from privacy_audit_log
				where organisation_id = any(?) or (subject_type = 'user' and subject_id = any(?))
				order by id desc limit ?
				""")
			.params(organisationIds.toArray(Long[]::new), userIds.stream().map(String::valueOf).toArray(String[]::new), limit)
			.query(AuditEntry.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit) {
		return search(AuditFilter.NONE, limit);
	}

	/** Entries about one subject, oldest first (e.g. every view and reveal of a contact). */
	@Transactional(readOnly = true)
	public List<AuditEntry> about(String subjectType, List<String> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select occurred_at, username, action, subject_type, subject_id, detail::text as detail from privacy_audit_log
				where subject_type = ? and subject_id = any(?::text[]) order by id
				""").params(subjectType, "{" + String.join(",", subjectIds) + "}").query(AuditEntry.class).list();
	}

	/** The distinct actions recorded, for the audit page's filter. */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return this.jdbc.sql("select distinct action from privacy_audit_log order by action").query(String.class).list();
	}

	/**
	 * Recomputes the chain from its start: every entry must link to the one before and hash to what it
	 * holds, and the newest must be the recorded head. Names the first entry that does not fit.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		Chain chain = this.jdbc.sql("select start_after_id, start_hash, head_id, head_hash from privacy_audit_chain where id = 1")
			.query((rs, n) -> new Chain(rs.getLong(1), rs.getBytes(2), (Long) rs.getObject(3), rs.getBytes(4)))
			.single();
		byte[] expected = chain.startHash();
		long checked = 0;
		Long lastId = null;
		List<Row> rows = this.jdbc.sql("select " + COLUMNS + " from privacy_audit_log where id > ? order by id")
			.param(chain.startAfterId())
			.query(AuditLog::row)
			.list();
		for (Row row : rows) {
			if (!Arrays.equals(row.prevHash(), expected)) {
				return ChainVerification.broken(checked, row.id(), "The entry before entry " + row.id() + " was removed or changed");
			}
			if (!Arrays.equals(hash(row, expected), row.entryHash())) {
				return ChainVerification.broken(checked, row.id(), "Entry " + row.id() + " was changed after it was written");
			}
			expected = row.entryHash();
			lastId = row.id();
			checked++;
		}
		if (chain.headId() != null && (!chain.headId().equals(lastId) || !Arrays.equals(chain.headHash(), expected))) {
			return ChainVerification.broken(checked, chain.headId(), "The newest entries, up to entry " + chain.headId() + ", were removed");
		}
		return ChainVerification.intact(checked);
	}

	/**
	 * Removes entries older than the cutoff (the audit trail's own retention). The last removed entry's
	 * hash becomes the chain's anchor, so what is left still verifies.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int prune(Instant before) {
		lockHead();
		List<Row> last = this.jdbc.sql("select " + COLUMNS + " from privacy_audit_log where occurred_at < ? order by id desc limit 1")
			.param(Timestamp.from(before))
			.query(AuditLog::row)
			.list();
		if (last.isEmpty()) {
			return 0;
		}
		Row anchor = last.getFirst();
		int removed = this.jdbc.sql("delete from privacy_audit_log where id <= ?").param(anchor.id()).update();
		this.jdbc.sql("update privacy_audit_chain set start_after_id = greatest(start_after_id, ?), start_hash = ? where id = 1")
			.params(anchor.id(), anchor.entryHash())
			.update();
		return removed;
	}

	@Override
	public String table() {
		return "privacy_audit_log";
	}

	@Override
	public String keyColumn() {
		return "occurred_at";
	}

	@Override
	public Set<String> dataTypes() {
		return Set.of(DataTypes.AUDIT);
	}

	/**
	 * Before a month of entries is dropped, its newest entry becomes the chain's anchor, as after
	 * {@link #prune}: what is left still verifies, and the drop's own entry records the anchor.
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Object> beforeDrop(String partition) {
		lockHead();
		List<Row> last = this.jdbc.sql("select " + COLUMNS + " from " + partition + " order by id desc limit 1")
			.query(AuditLog::row)
			.list();
		if (last.isEmpty()) {
			return Map.of();
		}
		Row anchor = last.getFirst();
		this.jdbc.sql("update privacy_audit_chain set start_after_id = ?, start_hash = ? where id = 1 and start_after_id < ?")
			.params(anchor.id(), anchor.entryHash(), anchor.id())
			.update();
		return Map.of("anchorId", anchor.id(), "anchorHash", HexFormat.of().formatHex(anchor.entryHash()));
	}

	private byte[] lockHead() {
		return this.jdbc.sql("select head_hash from privacy_audit_chain where id = 1 for update")
			.query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
			.single()
			.orElse(null);
	}

	public static byte[] hash(Row row, byte[] previous) {
		ByteArrayOutputStream fields = new ByteArrayOutputStream();
		fields.writeBytes(previous == null ? new byte[0] : previous);
		for (Object field : List.of(row.id(), ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt()), nullable(row.userId()),
				nullable(row.username()), nullable(row.organisationId()), row.action(), row.subjectType(), nullable(row.subjectId()),
				nullable(row.detail()))) {
			byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
			fields.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
			fields.writeBytes(bytes);
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(fields.toByteArray());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	private static Object nullable(Object value) {
		return value == null ? "\u0000" : value;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("user_id"),
				rs.getString("username"), (Long) rs.getObject("organisation_id"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("detail"), rs.getBytes("prev_hash"), rs.getBytes("entry_hash"));
	}

	public record Row(long id, Instant occurredAt, Long userId, String username, Long organisationId, String action,
			String subjectType, String subjectId, String detail, byte[] prevHash, byte[] entryHash) {
	}

	private record Chain(long startAfterId, byte[] startHash, Long headId, byte[] headHash) {
	}

}
