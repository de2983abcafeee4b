package org.linea.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.linea.access.LineService;
import org.linea.shared.LineaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo line its small bank ({@code knowledge/demo-bank.csv}) once, after the first start
 * created the line. A bank that was ever set up is left alone. Safe when several nodes start together.
 */
@Component
class SeedDemoBank {

	private static final Logger log = LoggerFactory.getLogger(SeedDemoBank.class);

	private static final long LOCK_KEY = 0x4c494e4541L + 4;

	private final JdbcClient jdbc;

	private final LineService lines;

	private final KnowledgeService knowledge;

	private final LineaProperties linea;

	SeedDemoBank(JdbcClient jdbc, LineService lines, KnowledgeService knowledge, LineaProperties linea) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.knowledge = knowledge;
		this.linea = linea;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void seed() {
		if (!this.linea.demo()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
		this.lines.findByKey("demo").filter(line -> this.knowledge.revision(line.id()) < 0).ifPresent(line -> {
			try (InputStream in = new ClassPathResource("knowledge/demo-bank.csv").getInputStream()) {
				ImportResult result = this.knowledge.seed(line, in);
				log.info("Gave the demo line its knowledge bank ({} entries)", result.created());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
