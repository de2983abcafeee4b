package org.linea.shared.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events that every application node must hear, carried by PostgreSQL LISTEN/NOTIFY: the same path
 * with one embedded node or many nodes on one database. {@link #notify} joins the caller's
 * transaction, so listeners hear of a change only once it is committed.
 */
@Component
public class ClusterNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterNotifications.class);

	static final List<String> CHANNELS = List.of("linea_inbox");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);

	private volatile boolean running;

	private Thread listener;

	ClusterNotifications(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Sends a notification on commit of the current transaction (at once without one). */
	public void notify(String channel, String payload) {
		this.jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query().singleRow();
	}

	@Override
	public void start() {
		this.running = true;
		CountDownLatch listening = new CountDownLatch(1);
		this.listener = Thread.ofPlatform().name("pg-listen").daemon().start(() -> listen(listening));
		// a change made right after the start (a resumed context, a node joining) must not pass unheard
		try {
			listening.await(LISTEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
			try {
				// a start that follows must not find the old listener still running beside the new one
				this.listener.join(LISTEN_WAIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen(CountDownLatch listening) {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					for (String channel : CHANNELS) {
						statement.execute("LISTEN " + channel);
					}
				}
				listening.countDown();
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							dispatch(notification);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Lost the database notification connection, reconnecting: {}", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void dispatch(PGNotification notification) {
		try {
			this.events.publishEvent(new ClusterNotification(notification.getName(), notification.getParameter()));
		}
		catch (RuntimeException ex) {
			log.warn("A listener failed on notification {}: {}", notification.getName(), ex.getMessage());
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
