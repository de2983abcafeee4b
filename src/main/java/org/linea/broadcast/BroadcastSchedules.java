package org.linea.broadcast;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.audience.Audience;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recurring broadcasts from a content calendar. Each run, on one node (the schedule's row is locked),
 * creates and starts a broadcast of the calendar's next key message, once per local day.
 */
@Service
public class BroadcastSchedules {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSchedules.class);

	/** A schedule as the API shows it. */
	public record Schedule(long id, String line, String name, List<DayOfWeek> days, LocalTime time, List<String> entries, int nextPosition,
			java.time.LocalDate lastRunOn, boolean active) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LineService lines;

	private final BroadcastService broadcasts;

	private final BroadcastContent content;

	private final JsonMapper json;

	private final Clock clock;

	private final KnowledgeService knowledge;

	private final org.linea.shared.Messages messages;

	BroadcastSchedules(JdbcClient jdbc, TransactionTemplate transactions, LineService lines, BroadcastService broadcasts,
			BroadcastContent content, JsonMapper json, Clock clock, KnowledgeService knowledge,
			org.linea.shared.Messages messages) {
		this.knowledge = knowledge;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lines = lines;
		this.broadcasts = broadcasts;
		this.content = content;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public long create(String lineKey, ScheduleRequest request) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		List<String> problems = new java.util.ArrayList<>();
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			problems.add(this.messages.get("broadcast.schedule.error.name"));
		}
		if (request.days() == null || request.days().isEmpty()) {
			problems.add(this.messages.get("broadcast.schedule.error.days"));
		}
		if (request.time() == null) {
			problems.add(this.messages.get("broadcast.schedule.error.time"));
		}
		if (request.entries() == null || request.entries().isEmpty()) {
			problems.add(this.messages.get("broadcast.schedule.error.entries"));
		}
		else {
			java.util.Set<String> known = new java.util.HashSet<>();
			this.knowledge.validated(line.id()).stream().filter(e -> e.content().kind() == EntryKind.KEY_MESSAGE)
				.forEach(e -> known.add(e.key().toUpperCase(java.util.Locale.ROOT)));
			request.entries().stream().filter(e -> e == null || !known.contains(e.strip().toUpperCase(java.util.Locale.ROOT))).distinct()
				.forEach(e -> problems.add(this.messages.get("broadcast.schedule.error.entry", e)));
		}
		if (!problems.isEmpty()) {
			throw new org.linea.shared.InvalidRequestException(String.join(" ", problems));
		}
		request.validated();
		for (String entry : request.entries()) {
			this.content.of(line, new BroadcastMessage(null, request.template(), entry));
		}
		return this.jdbc.sql("""
				insert into broadcast_schedule (line_id, name, audience, days, at_time, entries, template, created_by)
				values (?, ?, ?::jsonb, ?::smallint[], ?, ?::text[], ?::jsonb, ?) returning id
				""")
			.params(line.id(), request.name().strip(), this.json.writeValueAsString(request.audience()),
					request.days().stream().map(d -> String.valueOf(d.getValue())).collect(java.util.stream.Collectors.joining(",", "{", "}")),
					java.sql.Time.valueOf(request.time()), "{" + String.join(",", request.entries().stream().map(e -> "\"" + e.strip() + "\"").toList()) + "}",
					request.template() == null ? null : this.json.writeValueAsString(request.template()), CurrentUser.require().id())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Schedule> list(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		return this.jdbc.sql("""
				select id, name, days, at_time, entries, next_position, last_run_on, active from broadcast_schedule
				where line_id = ? order by id
				""").param(line.id()).query((rs, n) -> new Schedule(rs.getLong(1), line.key(), rs.getString(2),
				java.util.Arrays.stream((Object[]) rs.getArray(3).getArray()).map(d -> DayOfWeek.of(((Number) d).intValue())).toList(),
				rs.getTime(4).toLocalTime(), java.util.Arrays.stream((Object[]) rs.getArray(5).getArray()).map(String::valueOf).toList(),
				rs.getInt(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getBoolean(8))).list();
	}

	/** Stops a schedule: no more broadcasts are created from it until it is resumed (those already started go on). */
	@Transactional
	public Schedule pause(long id) {
		return setActive(id, false);
	}

	/** Starts a paused schedule again, from the key message it would have sent next. */
	@Transactional
	public Schedule resume(long id) {
		return setActive(id, true);
	}

	/** The validated key messages of the line's bank, which a content calendar may list. */
	@Transactional(readOnly = true)
	public List<KeyMessage> keyMessages(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		return this.knowledge.validated(line.id())
			.stream()
			.filter(e -> e.content().kind() == EntryKind.KEY_MESSAGE)
			.map(e -> new KeyMessage(e.key(), e.content().question()))
			.sorted(java.util.Comparator.comparing(KeyMessage::key))
			.toList();
	}

	/** A key message a calendar may send: its key and its title in the bank. */
	public record KeyMessage(String key, String title) {
	}

	/** The line a schedule belongs to, after checking the signed-in user sends broadcasts on it (404 otherwise). */
	@Transactional(readOnly = true)
	public String lineOf(long id) {
		Long lineId = this.jdbc.sql("select line_id from broadcast_schedule where id = ?").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.broadcast-schedule", id));
		return this.lines.requireAccess(lineId, Permission.BROADCAST_SEND, "error.missing.broadcast-schedule", id).key();
	}

	private Schedule setActive(long id, boolean active) {
		String lineKey = lineOf(id);
		this.jdbc.sql("update broadcast_schedule set active = ? where id = ?").params(active, id).update();
		log.info("Broadcast schedule {} on line {} {}", id, lineKey, active ? "resumed" : "paused");
		return list(lineKey).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	@Scheduled(fixedDelayString = "${linea.broadcasts.schedule-interval:30s}")
	void runDue() {
		for (long id : this.jdbc.sql("select id from broadcast_schedule where active").query(Long.class).list()) {
			try {
				this.transactions.executeWithoutResult(status -> runIfDue(id));
			}
			catch (RuntimeException ex) {
				log.error("Broadcast schedule {} could not run: {}", id, ex.getMessage());
			}
		}
	}

	/** Creates and starts the schedule's broadcast if its day and time have come today (local) and it has not run today. */
	void runIfDue(long id) {
		Map<String, Object> row = this.jdbc.sql("""
				select line_id, name, audience::text as audience, days, at_time, entries, template::text as template, next_position,
				       last_run_on, created_by from broadcast_schedule where id = ? and active for update skip locked
				""").param(id).query().listOfRows().stream().findFirst().orElse(null);
		if (row == null) {
			return;
		}
		Line line = this.lines.get(((Number) row.get("line_id")).longValue());
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(line.timeZone()));
		List<Integer> days = java.util.Arrays.stream(array(row.get("days"))).map(d -> ((Number) d).intValue()).toList();
		Date lastRun = (Date) row.get("last_run_on");
		boolean due = days.contains(now.getDayOfWeek().getValue()) && !now.toLocalTime().isBefore(((java.sql.Time) row.get("at_time")).toLocalTime())
				&& (lastRun == null || lastRun.toLocalDate().isBefore(now.toLocalDate()));
		if (!due) {
			return;
		}
		List<String> entries = java.util.Arrays.stream(array(row.get("entries"))).map(String::valueOf).toList();
		int position = ((Number) row.get("next_position")).intValue() % entries.size();
		BroadcastMessage.TemplateRef template = row.get("template") == null ? null
				: this.json.readValue((String) row.get("template"), BroadcastMessage.TemplateRef.class);
		BroadcastRequest request = new BroadcastRequest(row.get("name") + " " + now.toLocalDate(),
				this.json.readValue((String) row.get("audience"), Audience.class), new BroadcastMessage(null, template, entries.get(position)),
				null);
		long campaign = this.broadcasts.insert(line, request, row.get("created_by") == null ? null : ((Number) row.get("created_by")).longValue(), id);
		this.broadcasts.list(line, this.broadcasts.read(campaign, line));
		this.jdbc.sql("update broadcast_schedule set last_run_on = ?, next_position = ? where id = ?")
			.params(Date.valueOf(now.toLocalDate()), position + 1, id)
			.update();
		log.info("Schedule {} on line {} started broadcast {} ({})", id, line.key(), campaign, entries.get(position));
	}

	private static Object[] array(Object value) {
		try {
			return (Object[]) ((java.sql.Array) value).getArray();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
