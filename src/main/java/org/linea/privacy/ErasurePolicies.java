package org.linea.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Per line: does a person's "BORRAR MIS DATOS" erase at once, or after a coordinator confirms (the default)? */
@Component
class ErasurePolicies {

	private final JdbcClient jdbc;

	ErasurePolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	boolean erasesAtOnce(long lineId) {
		return this.jdbc.sql("select erasure_on_request = 'AT_ONCE' from privacy_line_policy where line_id = ?")
			.param(lineId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	void set(long lineId, boolean atOnce) {
		this.jdbc.sql("""
				insert into privacy_line_policy (line_id, erasure_on_request) values (?, ?)
				on conflict (line_id) do update set erasure_on_request = excluded.erasure_on_request
				""").params(lineId, atOnce ? "AT_ONCE" : "AFTER_CONFIRMATION").update();
	}

}
