package org.linea.personaldata;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A retention target that a module describes by its own SQL: which rows of its table are due
 * ({@code where}, with the line id and the cutoff as its two parameters, in that order) and what
 * erasing sets ({@code set}). The module declares it as a bean; the privacy module only runs it.
 */
public final class SqlRetentionTarget implements RetentionTarget {

	private final JdbcClient jdbc;

	private final String dataType;

	private final String table;

	private final String set;

	private final String where;

	public SqlRetentionTarget(JdbcClient jdbc, String dataType, String table, String set, String where) {
		this.jdbc = jdbc;
		this.dataType = dataType;
		this.table = table;
		this.set = set;
		this.where = where;
	}

	@Override
	public String dataType() {
		return this.dataType;
	}

	@Override
	public int count(long lineId, Instant before) {
		return this.jdbc.sql("select count(*) from " + this.table + " where " + this.where)
			.params(lineId, Timestamp.from(before))
			.query(Integer.class)
			.single();
	}

	@Override
	public int erase(long lineId, Instant before) {
		return this.jdbc.sql("update " + this.table + " set " + this.set + " where " + this.where)
			.params(lineId, Timestamp.from(before))
			.update();
	}

	@Override
	public String toString() {
		return this.dataType + " in " + this.table;
	}

}
