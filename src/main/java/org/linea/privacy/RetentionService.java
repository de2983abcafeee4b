package org.linea.privacy;

import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataErased;
import org.linea.access.AuditLog;
import org.linea.personaldata.RetentionTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases what lines keep longer than they should: every day for each line and data type past its
 * period (run by {@link RetentionJob} on one node), and at once when a coordinator purges. The work
 * is done by the modules' {@link RetentionTarget}s; the anonymous feedback log is none of them.
 */
@Service
public class RetentionService {

	private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

	private final List<RetentionTarget> targets;

	private final LineService lines;

	private final RetentionPeriods periods;

	private final AuditLog audit;

	private final PrivacyProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final MonthlyPartitions partitions;

	private final Clock clock;

	RetentionService(List<RetentionTarget> targets, LineService lines, RetentionPeriods periods, AuditLog audit,
			PrivacyProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
			MonthlyPartitions partitions, Clock clock) {
		this.events = events;
		this.partitions = partitions;
		// identifiers last: other targets may still need to tell whose rows are whose
		this.targets = targets.stream()
			.sorted(Comparator.comparing(target -> DataTypes.IDENTIFIERS.equals(target.dataType())))
			.toList();
		this.lines = lines;
		this.periods = periods;
		this.audit = audit;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Erases every covered type of the line older than {@code olderThan} (zero: everything until now). */
	@Transactional
	public Map<String, Integer> purge(String lineKey, Duration olderThan) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		Instant before = cutoff(olderThan);
		Map<String, Integer> erased = new TreeMap<>();
		this.targets.forEach(target -> erased.merge(target.dataType(), target.erase(line.id(), before), Integer::sum));
		this.audit.record(line.organisationId(), "PRIVACY_PURGED", "line", line.key(),
				Map.of("olderThan", olderThan.toString(), "before", before.toString(), "erased", erased));
		this.events.publishEvent(new PersonalDataErased(line.id()));
		log.info("Purged line={} before={} erased={}", line.key(), before, erased);
		return erased;
	}

	/** What a purge would erase, by type, for the confirmation. */
	@Transactional(readOnly = true)
	public Map<String, Integer> preview(String lineKey, Duration olderThan) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		Instant before = cutoff(olderThan);
		Map<String, Integer> counts = new TreeMap<>();
		this.targets.forEach(target -> counts.merge(target.dataType(), target.count(line.id(), before), Integer::sum));
		return counts;
	}

	/** The periods of a line by data type, for its administrators and coordinators. */
	@Transactional(readOnly = true)
	public Map<String, Integer> periods(String lineKey) {
		return this.periods.of(this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE));
	}

	@Transactional
	public void setPeriod(String lineKey, String dataType, int days) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		this.periods.set(line, dataType, days);
		this.audit.record(line.organisationId(), "RETENTION_CHANGED", "line", line.key(), Map.of("dataType", dataType, "days", days));
	}

	/**
	 * The daily run: first whole months of the partitioned tables past every line's period go as a
	 * partition drop; then for each line, each data type older than its period, row by row; then the
	 * audit trail older than its own period. Each line is its own transaction, so one failing line does
	 * not stop the rest.
	 */
	public Map<String, Map<String, Integer>> applyRetention() {
		Instant now = Instant.now(this.clock);
		Map<String, Map<String, Integer>> byLine = new LinkedHashMap<>();
		try {
			this.partitions.dropExpired();
		}
		catch (RuntimeException ex) {
			log.error("Dropping expired partitions failed; their rows are erased row by row", ex);
		}
		for (Line line : this.lines.all()) {
			try {
				Map<String, Integer> erased = this.transactions.execute(status -> applyTo(line, now));
				byLine.put(line.key(), erased);
			}
			catch (RuntimeException ex) {
				log.error("Retention failed for line={}", line.key(), ex);
			}
		}
		Integer auditRemoved = this.transactions.execute(status -> {
			int removed = this.audit.prune(now.minus(this.properties.auditRetention()));
			if (removed > 0) {
				this.audit.record("AUDIT_PRUNED", "audit", null, Map.of("removed", removed, "olderThan", this.properties.auditRetention().toString()));
			}
			return removed;
		});
		byLine.put("", Map.of(DataTypes.AUDIT, auditRemoved == null ? 0 : auditRemoved));
		log.info("Retention applied: {}", byLine);
		return byLine;
	}

	private Map<String, Integer> applyTo(Line line, Instant now) {
		Map<String, Integer> periods = this.periods.of(line);
		Map<String, Integer> erased = new TreeMap<>();
		for (RetentionTarget target : this.targets) {
			Instant before = now.minus(Duration.ofDays(periods.get(target.dataType())));
			erased.merge(target.dataType(), target.erase(line.id(), before), Integer::sum);
		}
		if (erased.values().stream().anyMatch(count -> count > 0)) {
			this.audit.record(line.organisationId(), "RETENTION_APPLIED", "line", line.key(), Map.of("erased", erased));
			this.events.publishEvent(new PersonalDataErased(line.id()));
		}
		return erased;
	}

	private Instant cutoff(Duration olderThan) {
		if (olderThan == null || olderThan.isNegative()) {
			throw new InvalidRequestException("error.privacy.olderthan-iso-8601-duration");
		}
		return Instant.now(this.clock).minus(olderThan);
	}

}
