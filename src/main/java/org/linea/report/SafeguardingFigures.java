package org.linea.report;

import org.linea.safeguarding.Category;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.feedback.FeedbackProperties;
import org.linea.feedback.LineScope;
import org.linea.feedback.SmallCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding cases opened on a scope's lines in its dates, counted for the dashboard and the weekly
 * report: only counts by category and by status, never a code, a signal or a message, and counts
 * small enough to point at a person hidden as the demographics are.
 */
@Service
public class SafeguardingFigures {

	static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "CLOSED", "NOT_SENSITIVE");

	private final JdbcClient jdbc;

	private final int threshold;

	SafeguardingFigures(JdbcClient jdbc, FeedbackProperties properties) {
		this.jdbc = jdbc;
		this.threshold = properties.smallCountThreshold();
	}

	/**
	 * @param byCategory cases by {@link Category} name, false alarms (NOT_SENSITIVE) left out; null where suppressed
	 * @param byStatus all cases by status; null where suppressed
	 * @param total all cases, null when it is itself under the threshold
	 */
	public record CaseCounts(Long total, Map<String, Long> byCategory, Map<String, Long> byStatus, int suppressionThreshold) {
	}

	@Transactional(readOnly = true)
	public CaseCounts of(LineScope scope) {
		Map<String, Long> categories = new LinkedHashMap<>();
		for (Category category : Category.values()) {
			categories.put(category.name(), 0L);
		}
		Map<String, Long> statuses = new LinkedHashMap<>();
		STATUSES.forEach(status -> statuses.put(status, 0L));
		this.jdbc.sql("""
				select category, status, count(*) from safeguarding_case
				where line_id = any(?) and opened_at >= ? and opened_at < ?
				group by category, status
				""")
			.params(scope.lineIds(), scope.instants()[0], scope.instants()[1])
			.query((rs, row) -> {
				if (!rs.getString(2).equals("NOT_SENSITIVE")) {
					categories.merge(rs.getString(1), rs.getLong(3), Long::sum);
				}
				statuses.merge(rs.getString(2), rs.getLong(3), Long::sum);
				return null;
			})
			.list();
		long total = statuses.values().stream().mapToLong(Long::longValue).sum();
		return new CaseCounts(total > 0 && total < this.threshold ? null : total, SmallCounts.suppress(categories, this.threshold), SmallCounts.suppress(statuses, this.threshold),
				this.threshold);
	}

}
