package org.linea.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether an operator takes new conversations now (online) or not (away). Away is the default. */
@Service
class Availability {

	private final JdbcClient jdbc;

	Availability(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void set(long userId, boolean online) {
		this.jdbc.sql("""
				insert into inbox_availability (user_id, status, since) values (?, ?, now())
				on conflict (user_id) do update set status = excluded.status, since = now()
				""").params(userId, online ? "ONLINE" : "AWAY").update();
	}

	@Transactional(readOnly = true)
	boolean isOnline(long userId) {
		return this.jdbc.sql("select exists (select 1 from inbox_availability where user_id = ? and status = 'ONLINE')")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

}
