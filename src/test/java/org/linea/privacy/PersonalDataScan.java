package org.linea.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.linea.contact.ContactKeys;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches every text, character, JSON, array and binary column of the schema for a person's words or
 * number. Binary values are searched as they are and, where they decrypt (with the master key or a
 * data key that still exists), as their plaintext: an encrypted copy counts as held unless its key is gone.
 */
final class PersonalDataScan {

	private final JdbcClient jdbc;

	private final ContactKeys keys;

	PersonalDataScan(JdbcClient jdbc, ContactKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** Every column holding any of the needles, as {@code table.column}. */
	List<String> columnsHolding(String... needles) {
		List<String> found = new ArrayList<>();
		for (Column column : columns()) {
			if (column.binary()) {
				scanBinary(column, needles).ifPresent(found::add);
			}
			else {
				for (String needle : needles) {
					int hits = this.jdbc.sql("select count(*) from " + column.table() + " where strpos(" + column.name() + "::text, ?) > 0")
						.param(needle)
						.query(Integer.class)
						.single();
					if (hits > 0) {
						found.add(column.table() + "." + column.name() + " holds " + needle);
					}
				}
			}
		}
		return found;
	}

	/** How many columns were searched, so a test can show the scan covered the schema. */
	int columnCount() {
		return columns().size();
	}

	private Optional<String> scanBinary(Column column, String... needles) {
		List<byte[]> values = this.jdbc.sql("select " + column.name() + " from " + column.table() + " where " + column.name() + " is not null")
			.query((rs, n) -> rs.getBytes(1))
			.list();
		for (byte[] value : values) {
			String raw = new String(value, StandardCharsets.ISO_8859_1);
			String plain = decrypted(value);
			for (String needle : needles) {
				if (raw.contains(needle) || (plain != null && plain.contains(needle))) {
					return Optional.of(column.table() + "." + column.name() + " holds " + needle + (plain != null ? " (decryptable)" : ""));
				}
			}
		}
		return Optional.empty();
	}

	private String decrypted(byte[] value) {
		try {
			return this.keys.decrypt(value).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
		}
		catch (RuntimeException notCiphertext) {
			return null;
		}
	}

	private List<Column> columns() {
		return this.jdbc.sql("""
				select c.table_name, c.column_name, c.data_type = 'bytea' from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
				       or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
				  and c.table_name <> 'flyway_schema_history'
				order by c.table_name, c.ordinal_position
				""").query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
	}

	private record Column(String table, String name, boolean binary) {
	}

}
