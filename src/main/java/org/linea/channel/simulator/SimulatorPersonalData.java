package org.linea.channel.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The simulated phone's thread of a person (test lines): its texts and the number's keyed hash. */
@Component
class SimulatorPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	SimulatorPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "simulatorThread";
	}

	@Override
	public Object export(DataSubject subject) {
		if (subject.phoneHash() == null) {
			return List.of();
		}
		return this.jdbc.sql("select direction, body, created_at from channel_simulator_message where line_id = ? and phone_hash = ? order by id")
			.params(subject.lineId(), subject.phoneHash())
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("direction", rs.getString(1));
				row.put("text", rs.getString(2));
				row.put("at", rs.getTimestamp(3).toInstant().toString());
				return row;
			})
			.list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		if (subject.phoneHash() == null) {
			return Map.of();
		}
		int erased = this.jdbc.sql("update channel_simulator_message set body = null, phone_hash = null where line_id = ? and phone_hash = ?")
			.params(subject.lineId(), subject.phoneHash())
			.update();
		return Map.of(DataTypes.MESSAGE_TEXTS, erased);
	}

}
