package org.linea.shared.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A stand-in for a Linea JVM: starts the embedded server in the given directory, commits one row,
 * prints {@code COMMITTED} and waits to be killed.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws SQLException, InterruptedException {
		String url = EmbeddedPostgresServer.jdbcUrl(Path.of(args[0]), false);
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists crash_test (value text not null)");
			statement.execute("insert into crash_test (value) values ('" + args[1] + "')");
		}
		System.out.println("COMMITTED");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
