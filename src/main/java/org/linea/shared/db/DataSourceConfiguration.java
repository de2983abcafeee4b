package org.linea.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.linea.shared.LineaProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database engine: an external PostgreSQL when {@code linea.db.url} is set, otherwise an
 * embedded PostgreSQL started by Linea with its data under the data directory.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties db, LineaProperties linea) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("linea");
		config.setMaximumPoolSize(db.maxPoolSize());
		// PostgreSQL's error details quote the failing row and parameters: personal data must not reach
		// exception messages and so logs
		config.addDataSourceProperty("logServerErrorDetail", "false");
		if (db.isEmbedded()) {
			config.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(db.embeddedDir(linea), db.embedded().ephemeral()));
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.user());
			config.setPassword(db.password());
		}
		return new HikariDataSource(config);
	}


}
