package org.linea.privacy;

import org.linea.personaldata.DataTypes;
import org.linea.access.AuditLog;
import org.linea.personaldata.MonthlyPartitioned;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.feedback.InteractionsIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages, inbound events and the audit trail are partitioned by month: rows land in their month,
 * the coming months exist ahead, a month past every line's retention goes as one partition drop while
 * younger months stay, and the audit chain still verifies after its oldest month is dropped.
 */
class MonthlyPartitionsIntegrationTests extends InteractionsIntegrationTest {

	private static final YearMonth LONG_AGO = YearMonth.of(2014, 3);

	@Autowired
	MonthlyPartitions partitions;

	@Autowired
	List<MonthlyPartitioned> tables;

	@Autowired
	RetentionService retention;

	@Autowired
	RetentionPeriods periods;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void rowsLandInTheirMonthAndTheComingMonthsAreCreatedAhead() {
		assertThat(this.tables).extracting(MonthlyPartitioned::table)
			.contains("conversation_message", "channel_inbound_event", "privacy_audit_log");
		this.partitions.createAhead();
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		for (MonthlyPartitioned table : this.tables) {
			assertThat(this.partitions.months(table).values()).as(table.table())
				.contains(now, now.plusMonths(1), now.plusMonths(MonthlyPartitions.MONTHS_AHEAD));
		}
		assertThat(this.partitions.createAhead()).as("creating ahead again changes nothing").isEmpty();

		Line line = newLine(newOrganisation());
		long message = written(line, "hola, una consulta");
		assertThat(partitionOf("conversation_message", message)).isEqualTo("conversation_message_" + suffix(now));
		long event = this.jdbc.sql("select max(id) from channel_inbound_event where line_id = ?").param(line.id()).query(Long.class).single();
		assertThat(partitionOf("channel_inbound_event", event)).isEqualTo("channel_inbound_event_" + suffix(now));
		long entry = this.jdbc.sql("select max(id) from privacy_audit_log").query(Long.class).single();
		assertThat(partitionOf("privacy_audit_log", entry)).isEqualTo("privacy_audit_log_" + suffix(now));

		// a row of a month without its partition waits in the default one, and moves when the month is created
		moveTo("conversation_message", "created_at", message, YearMonth.of(2015, 6));
		assertThat(partitionOf("conversation_message", message)).isEqualTo("conversation_message_default");
		assertThat(this.partitions.create(table("conversation_message"), YearMonth.of(2015, 6))).contains("conversation_message_2015_06");
		assertThat(partitionOf("conversation_message", message)).isEqualTo("conversation_message_2015_06");
	}

	@Test
	void aMonthPastEveryLinesRetentionGoesAsAPartitionDropYoungerMonthsStayAndTheRecordStaysCounted() {
		Line line = newLine(newOrganisation());
		String phone = randomPhone();
		long old = written(line, phone, "una consulta de hace años");
		long oldEvent = this.jdbc.sql("select event_id from channel_inbound_message where line_id = ?").param(line.id())
			.query(Long.class).single();
		long conversation = this.jdbc.sql("select conversation_id from conversation_message where id = ?").param(old)
			.query(Long.class).single();
		// the line keeps texts as long as a line may: a month of 20 months ago is still within it
		this.transactions.executeWithoutResult(tx -> this.periods.set(line, DataTypes.MESSAGE_TEXTS, 3650));
		long recent = written(line, phone, "y otra consulta");
		YearMonth twentyMonthsAgo = YearMonth.now(ZoneOffset.UTC).minusMonths(20);
		moveTo("conversation_message", "created_at", old, LONG_AGO);
		moveTo("channel_inbound_event", "received_at", oldEvent, LONG_AGO);
		moveTo("conversation_message", "created_at", recent, twentyMonthsAgo);
		this.partitions.create(table("conversation_message"), LONG_AGO);
		this.partitions.create(table("channel_inbound_event"), LONG_AGO);
		this.partitions.create(table("conversation_message"), twentyMonthsAgo);
		int recordsBefore = this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(conversation)
			.query(Integer.class).single();

		this.retention.applyRetention();

		assertThat(exists("conversation_message_" + suffix(LONG_AGO))).isFalse();
		assertThat(exists("channel_inbound_event_" + suffix(LONG_AGO))).isFalse();
		assertThat(this.jdbc.sql("select count(*) from conversation_message where id = ?").param(old).query(Integer.class).single())
			.isZero();
		assertThat(exists("conversation_message_" + suffix(twentyMonthsAgo))).as("a line still keeps that month").isTrue();
		assertThat(partitionOf("conversation_message", recent)).isEqualTo("conversation_message_" + suffix(twentyMonthsAgo));
		// what pointed at the dropped rows stays, by plain id
		assertThat(this.jdbc.sql("select count(*) from channel_inbound_message where event_id = ?").param(oldEvent)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(conversation)
			.query(Integer.class).single()).isEqualTo(recordsBefore);
		assertThat(this.jdbc.sql("""
				select count(*) from privacy_audit_log where action = 'PARTITION_DROPPED' and subject_id = 'conversation_message'
				  and detail ->> 'partition' = ?""").param("conversation_message_" + suffix(LONG_AGO)).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void theAuditTrailsOldestMonthIsDroppedItsLastHashBecomesTheAnchorAndTheChainStillVerifies() {
		this.transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 4; i++) {
				this.audit.record("TEST_ENTRY", "test", Integer.toString(i), Map.of());
			}
		});
		long anchor = backdateOldestEntries(3, LONG_AGO);
		assertThat(this.audit.verify().intact()).as("the rewritten chain verifies").isTrue();
		assertThat(partitionOf("privacy_audit_log", anchor)).isEqualTo("privacy_audit_log_default");
		this.partitions.create(table("privacy_audit_log"), LONG_AGO);
		assertThat(partitionOf("privacy_audit_log", anchor)).isEqualTo("privacy_audit_log_" + suffix(LONG_AGO));
		byte[] anchorHash = this.jdbc.sql("select entry_hash from privacy_audit_log where id = ?").param(anchor)
			.query(byte[].class).single();

		assertThat(this.partitions.dropExpired()).contains("privacy_audit_log_" + suffix(LONG_AGO));

		assertThat(exists("privacy_audit_log_" + suffix(LONG_AGO))).isFalse();
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where id = ?").param(anchor).query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select start_after_id from privacy_audit_chain").query(Long.class).single()).isEqualTo(anchor);
		assertThat(this.jdbc.sql("select start_hash from privacy_audit_chain").query(byte[].class).single()).isEqualTo(anchorHash);
		assertThat(this.jdbc.sql("""
				select detail ->> 'anchorId' from privacy_audit_log where action = 'PARTITION_DROPPED' and subject_id = 'privacy_audit_log'
				order by id desc limit 1""").query(String.class).single()).isEqualTo(Long.toString(anchor));
		assertThat(this.audit.verify().intact()).isTrue();

		// a changed entry after the drop is still found
		long newest = this.jdbc.sql("select max(id) from privacy_audit_log").query(Long.class).single();
		this.jdbc.sql("update privacy_audit_log set username = 'someone else' where id = ?").param(newest).update();
		assertThat(this.audit.verify().brokenAt()).isEqualTo(newest);
		this.jdbc.sql("update privacy_audit_log set username = 'system' where id = ?").param(newest).update();
		assertThat(this.audit.verify().intact()).isTrue();
	}

	/**
	 * Makes the chain's oldest entries look written long ago, as if the installation had run for years,
	 * re-hashing the whole chain after them (holding the chain's lock, as writers do); returns the id of
	 * the last one moved.
	 */
	private long backdateOldestEntries(int count, YearMonth month) {
		return this.transactions.execute(tx -> {
			this.jdbc.sql("select 1 from privacy_audit_chain where id = 1 for update").query(Integer.class).single();
			byte[] previous = this.jdbc.sql("select start_hash from privacy_audit_chain").query(byte[].class).optional().orElse(null);
			long start = this.jdbc.sql("select start_after_id from privacy_audit_chain").query(Long.class).single();
			List<AuditLog.Row> rows = this.jdbc.sql("""
					select id, occurred_at, user_id, username, organisation_id, action, subject_type, subject_id, detail::text as detail,
					       prev_hash, entry_hash
					from privacy_audit_log where id > ? order by id""").param(start).query((rs, n) -> new AuditLog.Row(rs.getLong("id"),
					rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("user_id"), rs.getString("username"),
					(Long) rs.getObject("organisation_id"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
					rs.getString("detail"), null, null)).list();
			Instant first = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			List<Object[]> updates = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				AuditLog.Row row = rows.get(i);
				Instant at = i < count ? first.plusSeconds(60L * (i + 1)) : row.occurredAt();
				AuditLog.Row moved = new AuditLog.Row(row.id(), at, row.userId(), row.username(), row.organisationId(), row.action(),
						row.subjectType(), row.subjectId(), row.detail(), previous, null);
				byte[] hash = AuditLog.hash(moved, previous);
				updates.add(new Object[] { Timestamp.from(at), previous, hash, row.id() });
				previous = hash;
			}
			this.jdbcTemplate.batchUpdate("update privacy_audit_log set occurred_at = ?, prev_hash = ?, entry_hash = ? where id = ?", updates);
			this.jdbc.sql("update privacy_audit_chain set head_hash = ? where id = 1").param(previous).update();
			return rows.get(count - 1).id();
		});
	}

	private long written(Line line, String text) {
		return written(line, randomPhone(), text);
	}

	private long written(Line line, String phone, String text) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_message where line_id = ? and body = ?")
			.params(line.id(), text).query(Integer.class).single() == 1, "the message is in its conversation");
		return this.jdbc.sql("select id from conversation_message where line_id = ? and body = ?").params(line.id(), text)
			.query(Long.class).single();
	}

	private void moveTo(String table, String column, long id, YearMonth month) {
		Instant at = month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
		this.jdbc.sql("update " + table + " set " + column + " = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	private String partitionOf(String table, long id) {
		return this.jdbc.sql("select tableoid::regclass::text from " + table + " where id = ?").param(id).query(String.class).single();
	}

	private boolean exists(String relation) {
		return this.jdbc.sql("select to_regclass(?) is not null").param(relation).query(Boolean.class).single();
	}

	private MonthlyPartitioned table(String name) {
		return this.tables.stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
	}

	private static String suffix(YearMonth month) {
		return "%04d_%02d".formatted(month.getYear(), month.getMonthValue());
	}

}
