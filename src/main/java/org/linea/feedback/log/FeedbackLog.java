package org.linea.feedback.log;

import org.linea.feedback.LineScope;
import org.linea.feedback.coding.CodingCorrection;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.linea.access.Line;
import org.linea.access.UserService;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;

/** Reads the feedback log: a page of records, one record, or all of a scope streamed for an export. */
@Service
public class FeedbackLog {

	private static final String SELECT = """
			select conversation_id, record_code, line_id, opened_day, opened_at, channel, language, operator_ids, topics,
			       info_types, feedback_type, answered_by, first_response_at, closed_at, satisfaction, gender, age_range,
			       location, migrant_status, loop_announcement_id,
			       (loop_closed_at at time zone (select time_zone from admin_line l where l.id = feedback_log.line_id))::date as loop_closed_on
			from feedback_log
			where line_id = any(?) and opened_day between ? and ?
			""";

	private final JdbcClient jdbc;

	/** Fetches rows in batches from a cursor, so an export of any size holds only one batch at a time. */
	private final JdbcClient streaming;

	private final UserService users;

	FeedbackLog(JdbcClient jdbc, DataSource dataSource, UserService users) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(1000);
		this.streaming = JdbcClient.create(cursor);
		this.users = users;
	}

	/** Records of the scope, newest first. */
	@Transactional(readOnly = true)
	public List<LogRecord> page(LineScope scope, int offset, int limit) {
		List<Raw> raws = this.jdbc.sql(SELECT + " order by opened_at desc, conversation_id desc offset ? limit ?")
			.params(scope.lineIds(), scope.from(), scope.to(), offset, limit)
			.query(FeedbackLog::raw)
			.list();
		Map<Long, String> names = this.users.displayNames(operatorIds(raws));
		return raws.stream().map(raw -> raw.toRecord(scope.lines(), names)).toList();
	}

	@Transactional(readOnly = true)
	public long count(LineScope scope) {
		return this.jdbc.sql("select count(*) from feedback_log where line_id = any(?) and opened_day between ? and ?")
			.params(scope.lineIds(), scope.from(), scope.to())
			.query(Long.class)
			.single();
	}

	/** Every record of the scope in order of opening, one at a time. */
	@Transactional(readOnly = true)
	public void each(LineScope scope, Consumer<LogRecord> consumer) {
		Map<Long, String> names = new HashMap<>();
		try (var rows = this.streaming.sql(SELECT + " order by opened_day, opened_at, conversation_id")
			.params(scope.lineIds(), scope.from(), scope.to())
			.query(FeedbackLog::raw)
			.stream()) {
			rows.forEach(raw -> {
				Set<Long> unknown = new HashSet<>(raw.operatorIds());
				unknown.removeAll(names.keySet());
				if (!unknown.isEmpty()) {
					names.putAll(this.users.displayNames(unknown));
				}
				consumer.accept(raw.toRecord(scope.lines(), names));
			});
		}
	}

	/** The line an interaction's record belongs to. */
	@Transactional(readOnly = true)
	public long lineOf(long conversationId) {
		return this.jdbc.sql("select line_id from feedback_log where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.feedback-record", conversationId));
	}

	@Transactional(readOnly = true)
	public Optional<LogRecord> record(long conversationId, Line line) {
		return this.jdbc.sql(SELECT.replace("where line_id = any(?) and opened_day between ? and ?", "where conversation_id = ?"))
			.param(conversationId)
			.query(FeedbackLog::raw)
			.optional()
			.map(raw -> raw.toRecord(List.of(line), this.users.displayNames(raw.operatorIds())));
	}

	/** Every coding the interaction was given, newest first. */
	@Transactional(readOnly = true)
	public List<CodingCorrection> history(long conversationId) {
		List<HistoryRow> rows = this.jdbc.sql("""
				select topics, info_types, feedback_type, coded_by, coded_at, reason from feedback_coding_history
				where conversation_id = ? order by id desc
				""").param(conversationId).query((rs, row) -> new HistoryRow(strings(rs.getArray(1)), strings(rs.getArray(2)),
				rs.getString(3), rs.getObject(4, Long.class), instant(rs, "coded_at"), rs.getString(6))).list();
		Map<Long, String> names = this.users.displayNames(rows.stream().map(HistoryRow::coder).filter(Objects::nonNull).toList());
		return rows.stream()
			.map(r -> new CodingCorrection(r.topics(), r.informationTypes(), r.feedbackType(),
					r.coder() == null ? null : names.get(r.coder()), r.codedAt(), r.reason()))
			.toList();
	}

	private record HistoryRow(List<String> topics, List<String> informationTypes, String feedbackType, Long coder,
			Instant codedAt, String reason) {
	}

	private static Set<Long> operatorIds(Collection<Raw> raws) {
		Set<Long> ids = new HashSet<>();
		raws.forEach(raw -> ids.addAll(raw.operatorIds()));
		return ids;
	}

	public static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static Raw raw(ResultSet rs, int row) throws SQLException {
		Integer satisfaction = rs.getObject("satisfaction", Integer.class);
		return new Raw(rs.getLong("conversation_id"), rs.getString("record_code"), rs.getLong("line_id"),
				rs.getObject("opened_day", LocalDate.class), instant(rs, "opened_at"), rs.getString("channel"),
				rs.getString("language"), Arrays.asList((Long[]) rs.getArray("operator_ids").getArray()),
				strings(rs.getArray("topics")), strings(rs.getArray("info_types")), rs.getString("feedback_type"),
				rs.getString("answered_by"), instant(rs, "first_response_at"), instant(rs, "closed_at"), satisfaction,
				rs.getString("gender"), rs.getString("age_range"), rs.getString("location"), rs.getString("migrant_status"),
				rs.getObject("loop_announcement_id", Long.class), rs.getObject("loop_closed_on", LocalDate.class));
	}

	private record Raw(long conversationId, String code, long lineId, LocalDate day, Instant openedAt, String channel,
			String language, List<Long> operatorIds, List<String> topics, List<String> infoTypes, String feedbackType,
			String answeredBy, Instant firstResponseAt, Instant closedAt, Integer satisfaction, String gender, String ageRange,
			String location, String migrantStatus, Long loopAnnouncementId, LocalDate loopClosedOn) {

		LogRecord toRecord(List<Line> lines, Map<Long, String> names) {
			String lineName = lines.stream().filter(l -> l.id() == this.lineId).map(Line::name).findFirst().orElse("");
			List<String> operators = new ArrayList<>();
			this.operatorIds.forEach(id -> operators.add(names.getOrDefault(id, "#" + id)));
			return new LogRecord(this.conversationId, this.code, lineName, this.day, this.openedAt, this.channel, this.language,
					operators, this.topics, this.infoTypes, this.feedbackType, this.answeredBy, minutes(this.firstResponseAt),
					minutes(this.closedAt), this.satisfaction, this.closedAt != null, this.gender, this.ageRange, this.location,
					this.migrantStatus, this.loopAnnouncementId, this.loopClosedOn);
		}

		private Long minutes(Instant until) {
			return until == null ? null : Duration.between(this.openedAt, until).toMinutes();
		}

	}

}
