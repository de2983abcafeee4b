package org.linea.privacy;

import org.linea.personaldata.DataTypes;
import org.linea.access.AuditLog;
import org.linea.personaldata.MonthlyPartitioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link MonthlyPartitioned} tables' months: creates this month's partition and the next
 * {@value #MONTHS_AHEAD} ahead (a row already waiting in the default partition for that month is
 * moved into it), and drops a whole month once it is past every line's period for what the table
 * holds (the audit trail: past its own installation-wide period). Creation runs daily on one node
 * ({@link RetentionJob}); drops run in the daily retention run, before it erases row by row. Each month is its own transaction.
 */
@Service
public class MonthlyPartitions {

	static final int MONTHS_AHEAD = 3;

	private static final Logger log = LoggerFactory.getLogger(MonthlyPartitions.class);

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	private final List<MonthlyPartitioned> tables;

	private final JdbcClient jdbc;

	private final LineService lines;

	private final RetentionPeriods periods;

	private final PrivacyProperties properties;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MonthlyPartitions(List<MonthlyPartitioned> tables, JdbcClient jdbc, LineService lines, RetentionPeriods periods,
			PrivacyProperties properties, AuditLog audit, TransactionTemplate transactions, Clock clock) {
		tables.forEach(table -> {
			if (!NAME.matcher(table.table()).matches() || !NAME.matcher(table.keyColumn()).matches()) {
				throw new IllegalArgumentException("Not a table or column name: " + table.table() + "." + table.keyColumn());
			}
		});
		this.tables = tables;
		this.jdbc = jdbc;
		this.lines = lines;
		this.periods = periods;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Creates the partitions of this month and the next ones that are missing; returns their names. */
	public List<String> createAhead() {
		YearMonth now = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		List<String> created = new ArrayList<>();
		for (MonthlyPartitioned table : this.tables) {
			for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
				try {
					create(table, now.plusMonths(ahead)).ifPresent(created::add);
				}
				catch (RuntimeException ex) {
					// rows of that month wait in the default partition meanwhile; the next run moves them
					log.warn("Partition of {} for {} not created: {}", table.table(), now.plusMonths(ahead), ex.toString());
				}
			}
		}
		if (!created.isEmpty()) {
			log.info("Partitions created: {}", created);
		}
		return created;
	}

	/**
	 * The month's partition of the table, created if missing; rows of that month waiting in the default
	 * partition move into it. Empty when it existed already.
	 */
	Optional<String> create(MonthlyPartitioned table, YearMonth month) {
		String partition = table.table() + "_" + "%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		return Optional.ofNullable(this.transactions.execute(status -> {
			if (exists(partition)) {
				return null;
			}
			String from = bound(month);
			String to = bound(month.plusMonths(1));
			String inMonth = " where " + table.keyColumn() + " >= '" + from + "' and " + table.keyColumn() + " < '" + to + "'";
			String defaults = table.table() + "_default";
			lock(table);
			boolean waiting = this.jdbc.sql("select exists (select 1 from " + defaults + inMonth + ")").query(Boolean.class).single();
			if (!waiting) {
				this.jdbc.sql("create table " + partition + " partition of " + table.table() + " for values from ('" + from + "') to ('"
						+ to + "')").update();
				return partition;
			}
			this.jdbc.sql("create table " + partition + " (like " + table.table() + " including defaults including constraints)").update();
			this.jdbc.sql("insert into " + partition + " select * from " + defaults + inMonth).update();
			this.jdbc.sql("delete from " + defaults + inMonth).update();
			this.jdbc.sql("alter table " + table.table() + " attach partition " + partition + " for values from ('" + from + "') to ('"
					+ to + "')").update();
			return partition;
		}));
	}

	/**
	 * Drops every month partition wholly older than what the table must still keep; returns the
	 * partitions dropped. Each drop is audited (and, for the audit trail, leaves the chain's anchor).
	 */
	public List<String> dropExpired() {
		Instant now = Instant.now(this.clock);
		List<String> dropped = new ArrayList<>();
		for (MonthlyPartitioned table : this.tables) {
			Optional<Instant> keepFrom = keepFrom(table, now);
			if (keepFrom.isEmpty()) {
				continue;
			}
			for (Map.Entry<String, YearMonth> month : months(table).entrySet()) {
				Instant end = month.getValue().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
				if (end.isAfter(keepFrom.get())) {
					break;
				}
				try {
					drop(table, month.getKey(), month.getValue());
					dropped.add(month.getKey());
				}
				catch (RuntimeException ex) {
					// oldest first: a younger month never goes before an older one (the audit chain's anchor moves forward only)
					log.warn("Partition {} not dropped: {}", month.getKey(), ex.toString());
					break;
				}
			}
		}
		if (!dropped.isEmpty()) {
			log.info("Partitions dropped: {}", dropped);
		}
		return dropped;
	}

	/** The table's month partitions, oldest first. */
	Map<String, YearMonth> months(MonthlyPartitioned table) {
		Map<String, YearMonth> months = new LinkedHashMap<>();
		Pattern monthly = Pattern.compile(Pattern.quote(table.table()) + "_(\\d{4})_(\\d{2})");
		this.jdbc.sql("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = ?::regclass order by c.relname""").param(table.table()).query(String.class).list().forEach(name -> {
			Matcher matcher = monthly.matcher(name);
			if (matcher.matches()) {
				months.put(name, YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
			}
		});
		return months;
	}

	/** Rows written before this must still be kept; empty when there is no line to decide by. */
	private Optional<Instant> keepFrom(MonthlyPartitioned table, Instant now) {
		if (table.dataTypes().contains(DataTypes.AUDIT)) {
			return Optional.of(now.minus(this.properties.auditRetention()));
		}
		List<Line> all = this.lines.all();
		Optional<Integer> longest = all.stream()
			.map(this.periods::of)
			.flatMap(periods -> table.dataTypes().stream().map(type -> periods.getOrDefault(type, 3650)))
			.max(Integer::compare);
		return longest.map(days -> now.minus(Duration.ofDays(days)));
	}

	private void drop(MonthlyPartitioned table, String partition, YearMonth month) {
		this.transactions.executeWithoutResult(status -> {
			// the table's own locks first (the audit trail takes its chain's, as its writers do), then the table
			Map<String, Object> detail = new LinkedHashMap<>(table.beforeDrop(partition));
			lock(table);
			long rows = this.jdbc.sql("select count(*) from " + partition).query(Long.class).single();
			this.jdbc.sql("drop table " + partition).update();
			detail.put("partition", partition);
			detail.put("from", bound(month));
			detail.put("to", bound(month.plusMonths(1)));
			detail.put("rows", rows);
			this.audit.record("PARTITION_DROPPED", "table", table.table(), detail);
		});
	}

	/**
	 * Creating or dropping a partition takes the table's strongest lock: taken first, so that the
	 * statement never has to upgrade a weaker one while writers wait behind it (a deadlock); it waits
	 * for running writers a few seconds at most, and else the work is left to the next run.
	 */
	private void lock(MonthlyPartitioned table) {
		this.jdbc.sql("set local lock_timeout = '10s'").update();
		this.jdbc.sql("lock table " + table.table() + " in access exclusive mode").update();
	}

	private boolean exists(String relation) {
		return this.jdbc.sql("select to_regclass(?) is not null").param(relation).query(Boolean.class).single();
	}

	private static String bound(YearMonth month) {
		return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
	}

}
