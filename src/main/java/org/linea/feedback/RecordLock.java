package org.linea.feedback;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One writer of an interaction's feedback-log record at a time, until its transaction ends: a refresh
 * that read before a change (an erasure) cannot then write its stale result over what followed it.
 */
public final class RecordLock {

	private RecordLock() {
	}

	public static void hold(JdbcClient jdbc, long conversationId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('feedback-log:' || ?, 0))").param(conversationId).query().singleRow();
	}

	static void holdAll(JdbcClient jdbc, List<Long> conversationIds) {
		conversationIds.stream().sorted().forEach(id -> hold(jdbc, id));
	}

}
