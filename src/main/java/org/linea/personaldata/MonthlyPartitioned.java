package org.linea.personaldata;

import java.util.Map;
import java.util.Set;

/**
 * A large table its module keeps partitioned by month (range on the time each row was written, UTC;
 * partitions named {@code <table>_yyyy_mm} plus {@code <table>_default}). {@link org.linea.privacy.MonthlyPartitions}
 * creates the coming months ahead and drops a month once every row in it is past the period of every
 * line for each of the {@link #dataTypes()} the table holds; the rows of younger months are erased
 * row by row, as their {@link RetentionTarget}s say. Registered as a bean by the owning module.
 */
public interface MonthlyPartitioned {

	/** The partitioned table. */
	String table();

	/** The timestamp column it is partitioned by. */
	String keyColumn();

	/** The data types whose longest period, over every line, a month must be past before it goes. */
	Set<String> dataTypes();

	/**
	 * Runs in the drop's transaction, before the month's partition goes; returns what the audit entry
	 * of the drop should say about it (e.g. the audit chain's new anchor).
	 */
	default Map<String, Object> beforeDrop(String partition) {
		return Map.of();
	}

	static MonthlyPartitioned of(String table, String keyColumn, String... dataTypes) {
		return new MonthlyPartitioned() {

			@Override
			public String table() {
				return table;
			}

			@Override
			public String keyColumn() {
				return keyColumn;
			}

			@Override
			public Set<String> dataTypes() {
				return Set.of(dataTypes);
			}

		};
	}

}
