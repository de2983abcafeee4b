package org.linea.shared.db;

import org.linea.shared.LineaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is read, so that
 * it starts while Spring reads and builds the application instead of when the data source is built.
 * The data source then finds the server started, or waits for the same start to end
 * ({@link EmbeddedPostgresServer#jdbcUrl}); a start that fails here is tried again there, where its
 * error stops the application as before. Nothing is started when Linea uses an external database.
 */
public final class EarlyEmbeddedStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedStart.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		DatabaseProperties db;
		LineaProperties linea;
		try {
			Binder binder = Binder.get(event.getEnvironment());
			db = binder.bindOrCreate("linea.db", DatabaseProperties.class);
			linea = binder.bindOrCreate("linea", LineaProperties.class);
		}
		catch (RuntimeException ex) {
			// a configuration error is reported where Spring binds these properties, as before
			log.debug("No early start of the embedded PostgreSQL", ex);
			return;
		}
		if (!db.isEmbedded()) {
			return;
		}
		Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
			try {
				EmbeddedPostgresServer.jdbcUrl(db.embeddedDir(linea), db.embedded().ephemeral());
			}
			catch (RuntimeException ex) {
				log.debug("Early start of the embedded PostgreSQL failed; the data source tries again", ex);
			}
		});
	}

	/** After the configuration files are read (Spring Boot reads them on this same event, earlier). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
