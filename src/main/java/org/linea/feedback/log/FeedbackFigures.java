package org.linea.feedback.log;

import org.linea.feedback.Figures;
import org.linea.feedback.FeedbackProperties;
import org.linea.feedback.LineScope;
import org.linea.feedback.SmallCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Adds up a scope's feedback log for the dashboard and the weekly report: a handful of aggregate
 * queries over {@code feedback_log}, never over messages, so a year of a busy line stays fast.
 */
@Service
public class FeedbackFigures {

	static final String IN_SCOPE = " from feedback_log where line_id = any(?) and opened_day between ? and ?";

	private static final int TOP_TOPICS_IN_TREND = 5;

	private final JdbcClient jdbc;

	private final int threshold;

	private final ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor();

	FeedbackFigures(JdbcClient jdbc, FeedbackProperties properties) {
		this.jdbc = jdbc;
		this.threshold = properties.smallCountThreshold();
	}

	/**
	 * The figures of a scope. The six aggregates read the log independently, so they run at once on
	 * separate connections: a year of a busy line costs the slowest of them, not their sum.
	 */
	public Figures of(LineScope scope) {
		Object[] where = { scope.lineIds(), scope.from(), scope.to() };
		long[] satisfaction = new long[5];
		CompletableFuture<Figures.Totals> totals = CompletableFuture.supplyAsync(() -> totals(where, satisfaction), this.queries);
		CompletableFuture<List<Figures.Week>> weeks = CompletableFuture.supplyAsync(() -> weeks(where), this.queries);
		CompletableFuture<List<Figures.Day>> days = CompletableFuture.supplyAsync(() -> days(where), this.queries);
		CompletableFuture<Map<String, Long>> types = CompletableFuture.supplyAsync(() -> types(where), this.queries);
		CompletableFuture<TopicCounts> topics = CompletableFuture.supplyAsync(() -> topics(where), this.queries);
		CompletableFuture<Map<String, Map<String, Long>>> demographics = CompletableFuture.supplyAsync(() -> demographics(where),
				this.queries);
		try {
			TopicCounts topicCounts = topics.join();
			return new Figures(totals.join(), weeks.join(), days.join(), types.join(), topicCounts.overall, topicCounts.byType,
					topicCounts.trend(TOP_TOPICS_IN_TREND), demographics.join(), satisfaction, this.threshold);
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	private Figures.Totals totals(Object[] where, long[] satisfaction) {
		return this.jdbc.sql("""
				select count(*), count(distinct contact_id), count(*) filter (where not returning_contact), 0, coalesce(sum(messages_in), 0),
				    coalesce(sum(messages_bot), 0), coalesce(sum(messages_operator), 0),
				    count(*) filter (where answered_by = 'BOT'), count(*) filter (where answered_by = 'PERSON'),
				    count(*) filter (where answered_by = 'NONE'), count(*) filter (where late), count(closed_at),
				    percentile_cont(0.5) within group (order by extract(epoch from first_response_at - opened_at) / 60),
				    avg(satisfaction), count(satisfaction), count(*) filter (where satisfaction >= 4),
				    count(*) filter (where channel = 'WHATSAPP'), count(*) filter (where channel = 'SMS'),
				    count(*) filter (where channel = 'WEB'),
				    count(*) filter (where satisfaction = 1), count(*) filter (where satisfaction = 2),
				    count(*) filter (where satisfaction = 3), count(*) filter (where satisfaction = 4),
				    count(*) filter (where satisfaction = 5), count(loop_announcement_id)
				""" + IN_SCOPE).params(where).query((rs, row) -> {
			for (int i = 0; i < 5; i++) {
				satisfaction[i] = rs.getLong(20 + i);
			}
			// a person's first interaction is the only one not marked returning: those in range are the new people,
			// everyone else reached in the range came back
			return new Figures.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(2) - rs.getLong(3), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
					nullableDouble(rs, 13), nullableDouble(rs, 14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
					rs.getLong(18), rs.getLong(19), rs.getLong(25));
		}).single();
	}

	private List<Figures.Week> weeks(Object[] where) {
		return this.jdbc.sql("""
				select opened_week, count(*), sum(messages_in), sum(messages_bot + messages_operator)
				""" + IN_SCOPE + " group by opened_week order by opened_week").params(where)
			.query((rs, row) -> new Figures.Week(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private List<Figures.Day> days(Object[] where) {
		return this.jdbc.sql("select opened_day, count(*), sum(messages_in), sum(messages_bot + messages_operator)" + IN_SCOPE
				+ " group by opened_day order by opened_day").params(where)
			.query((rs, row) -> new Figures.Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private Map<String, Long> types(Object[] where) {
		Map<String, Long> types = new LinkedHashMap<>();
		this.jdbc.sql("select coalesce(feedback_type, 'UNCODED'), count(*)" + IN_SCOPE + " group by 1 order by 2 desc, 1")
			.params(where).query((rs, row) -> types.put(rs.getString(1), rs.getLong(2))).list();
		return types;
	}

	@PreDestroy
	void stop() {
		this.queries.shutdown();
	}

	/** Topics overall, by type of feedback and by week, in one pass. */
	private TopicCounts topics(Object[] where) {
		TopicCounts counts = new TopicCounts();
		this.jdbc.sql("""
				select grouping(feedback_type), grouping(opened_week), coalesce(feedback_type, 'UNCODED'), opened_week, topic, count(*)
				from feedback_log, unnest(topics) as topic
				where line_id = any(?) and opened_day between ? and ?
				group by grouping sets ((topic), (feedback_type, topic), (opened_week, topic))
				order by 6 desc, topic
				""").params(where).query((rs, row) -> {
			String topic = rs.getString(5);
			long count = rs.getLong(6);
			if (rs.getInt(1) == 1 && rs.getInt(2) == 1) {
				counts.overall.put(topic, count);
			}
			else if (rs.getInt(1) == 0) {
				counts.byType.computeIfAbsent(rs.getString(3), t -> new LinkedHashMap<>()).put(topic, count);
			}
			else {
				counts.byWeek.computeIfAbsent(topic, t -> new TreeMap<>()).put(rs.getObject(4, LocalDate.class), count);
			}
			return null;
		}).list();
		return counts;
	}

	/** People (not interactions) by each demographic answer, only as consented, small counts hidden. */
	private Map<String, Map<String, Long>> demographics(Object[] where) {
		Map<String, Map<String, Long>> raw = new LinkedHashMap<>();
		for (String field : List.of("GENDER", "AGE_RANGE", "LOCATION", "MIGRANT_STATUS")) {
			raw.put(field, new LinkedHashMap<>());
		}
		this.jdbc.sql("""
				select case when grouping(gender) = 0 then 'GENDER' when grouping(age_range) = 0 then 'AGE_RANGE'
				            when grouping(location) = 0 then 'LOCATION' else 'MIGRANT_STATUS' end,
				       coalesce(gender, age_range, location, migrant_status), count(*)
				from (select distinct on (contact_id) gender, age_range, location, migrant_status""" + IN_SCOPE + """
				      and (gender is not null or age_range is not null or location is not null or migrant_status is not null)
				      order by contact_id, opened_at desc) as person
				group by grouping sets ((gender), (age_range), (location), (migrant_status))
				order by 3 desc, 2
				""").params(where).query((rs, row) -> {
			if (rs.getString(2) != null) {
				raw.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
			}
			return null;
		}).list();
		Map<String, Map<String, Long>> shown = new LinkedHashMap<>();
		raw.forEach((field, counts) -> shown.put(field, SmallCounts.suppress(counts, this.threshold)));
		return shown;
	}

	private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static final class TopicCounts {

		final Map<String, Long> overall = new LinkedHashMap<>();

		final Map<String, Map<String, Long>> byType = new TreeMap<>();

		final Map<String, Map<LocalDate, Long>> byWeek = new TreeMap<>();

		Map<String, Map<LocalDate, Long>> trend(int top) {
			Map<String, Map<LocalDate, Long>> trend = new LinkedHashMap<>();
			this.overall.keySet().stream().limit(top).forEach(topic -> trend.put(topic, this.byWeek.getOrDefault(topic, Map.of())));
			return trend;
		}

	}

}
