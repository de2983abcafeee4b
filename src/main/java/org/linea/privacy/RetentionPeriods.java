package org.linea.privacy;

import org.linea.personaldata.RetentionTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.linea.access.Line;
import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How many days a line keeps each data type: its own setting, else the line's retention. */
@Component
class RetentionPeriods {

	private final JdbcClient jdbc;

	private final SortedSet<String> dataTypes = new TreeSet<>();

	RetentionPeriods(JdbcClient jdbc, java.util.List<RetentionTarget> targets) {
		this.jdbc = jdbc;
		targets.forEach(target -> this.dataTypes.add(target.dataType()));
	}

	/** Every registered data type with its period in days for this line. */
	@Transactional(readOnly = true)
	Map<String, Integer> of(Line line) {
		Map<String, Integer> own = new LinkedHashMap<>();
		this.jdbc.sql("select data_type, days from privacy_retention_period where line_id = ?")
			.param(line.id())
			.query((rs, n) -> own.put(rs.getString(1), rs.getInt(2)))
			.list();
		Map<String, Integer> periods = new LinkedHashMap<>();
		this.dataTypes.forEach(type -> periods.put(type, own.getOrDefault(type, line.retentionDays())));
		return periods;
	}

	@Transactional
	void set(Line line, String dataType, int days) {
		if (!this.dataTypes.contains(dataType)) {
			throw new InvalidRequestException("error.privacy.unknown-data-type", dataType);
		}
		if (days < 1 || days > 3650) {
			throw new InvalidRequestException("error.privacy.retention-period-1-3650");
		}
		this.jdbc.sql("""
				insert into privacy_retention_period (line_id, data_type, days) values (?, ?, ?)
				on conflict (line_id, data_type) do update set days = excluded.days
				""").params(line.id(), dataType, days).update();
	}

	SortedSet<String> dataTypes() {
		return this.dataTypes;
	}

}
