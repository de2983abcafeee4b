package org.linea.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.linea.feedback.LineScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carried the scope's conversations: conversations and messages per operator and per team, with
 * the median minutes to the first answer of those conversations. Operators are named (staff, for the
 * coordinators' eyes); the emailed report keeps only the teams.
 */
@Service
class WorkloadFigures {

	private final JdbcClient jdbc;

	WorkloadFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param medianFirstAnswerMinutes null when none of them was answered */
	record Row(String name, long conversations, long messages, Double medianFirstAnswerMinutes) {
	}

	record Workload(List<Row> operators, List<Row> teams) {
	}

	@Transactional(readOnly = true)
	Workload of(LineScope scope) {
		Object[] where = { scope.lineIds(), scope.from(), scope.to() };
		List<Row> operators = this.jdbc.sql("""
				select u.display_name, count(*), sum((select count(*) from conversation_message m
				        where m.conversation_id = f.conversation_id and m.author_id = op.user_id
				          and m.direction = 'OUT' and m.sender_kind = 'OPERATOR')),
				    percentile_cont(0.5) within group (order by extract(epoch from f.first_response_at - f.opened_at) / 60)
				from feedback_log f cross join unnest(f.operator_ids) as op(user_id)
				join admin_user u on u.id = op.user_id
				where f.line_id = any(?) and f.opened_day between ? and ?
				group by u.id, u.display_name order by 2 desc, 1
				""").params(where).query(WorkloadFigures::row).list();
		List<Row> teams = this.jdbc.sql("""
				select coalesce(t.name, ''), count(*), sum(f.messages_operator),
				    percentile_cont(0.5) within group (order by extract(epoch from f.first_response_at - f.opened_at) / 60)
				from feedback_log f join conversation_conversation c on c.id = f.conversation_id
				left join inbox_team t on t.id = c.team_id
				where f.line_id = any(?) and f.opened_day between ? and ? and f.answered_by = 'PERSON'
				group by t.id, t.name order by 2 desc, 1
				""").params(where).query(WorkloadFigures::row).list();
		return new Workload(operators, teams);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		double median = rs.getDouble(4);
		return new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? null : median);
	}

}
