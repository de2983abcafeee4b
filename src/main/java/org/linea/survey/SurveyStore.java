package org.linea.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.linea.shared.db.Rows.instant;
import static org.linea.shared.db.Rows.nullableLong;
import static org.linea.shared.db.Rows.timestamp;

/**
 * The survey module's tables. A form changes only until its first invitation ({@code frozen} from
 * then on), so each node caches frozen forms by id and reads the others each time.
 */
@Component
class SurveyStore {

	private static final String SESSION = """
			select id, survey_id, wave_id, line_id, contact_id, respondent_code, status, language, current_question, paused,
			       reminders_sent, waiting_reply from survey_session
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Map<Long, SurveyForm> forms = new ConcurrentHashMap<>();

	SurveyStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long lineId, SurveyForm form, byte[] xlsform, Long userId) {
		return insert(lineId, form, xlsform, userId, "XLSFORM", null);
	}

	/**
	 * @param source XLSFORM (imported), BUILDER (written on the survey page) or READY_MADE (shipped with Linea)
	 * @param previousId the survey this one is a later version of
	 */
	long insert(long lineId, SurveyForm form, byte[] xlsform, Long userId, String source, Long previousId) {
		return this.jdbc.sql("""
				insert into survey_survey (line_id, form_id, version, title, default_language, definition, xlsform, created_by, source,
				                           previous_id)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id
				""")
			.params(lineId, form.formId(), form.version(), form.title(), form.defaultLanguage(), this.json.writeValueAsString(form),
					xlsform, userId, source, previousId)
			.query(Long.class)
			.single();
	}

	/** Rewrites a form nobody was asked yet; false when it is frozen (people were invited meanwhile). */
	boolean replaceUnfrozen(long surveyId, SurveyForm form, byte[] xlsform) {
		this.forms.remove(surveyId);
		return this.jdbc.sql("""
				update survey_survey set form_id = ?, version = ?, title = ?, default_language = ?, definition = ?::jsonb, xlsform = ?,
				       source = 'BUILDER', updated_at = now()
				where id = ? and not frozen
				""")
			.params(form.formId(), form.version(), form.title(), form.defaultLanguage(), this.json.writeValueAsString(form), xlsform,
					surveyId)
			.update() == 1;
	}

	/**
	 * Freezes the form before anyone is asked it, under the survey row's lock: an edit waiting on the
	 * lock then finds it frozen and becomes a new version.
	 */
	void freeze(long surveyId) {
		this.jdbc.sql("update survey_survey set frozen = true where id = ?").param(surveyId).update();
	}

	/** The later version of a survey, if it was edited after people had been asked. */
	Optional<Long> nextVersion(long surveyId) {
		return this.jdbc.sql("select id from survey_survey where previous_id = ? order by id desc limit 1").param(surveyId)
			.query(Long.class).optional();
	}

	SurveySummary summary(long surveyId) {
		return this.jdbc.sql(SUMMARY + " where s.id = ?").param(surveyId).query(this::mapSummary).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.survey", surveyId));
	}

	List<SurveySummary> summaries(long lineId) {
		return this.jdbc.sql(SUMMARY + " where s.line_id = ? order by s.created_at desc, s.id desc").param(lineId).query(this::mapSummary).list();
	}

	private static final String SUMMARY = """
			select s.id, s.line_id, s.form_id, s.version, s.title, s.created_at, s.frozen, s.previous_id,
			       (select count(*) from survey_wave w where w.survey_id = s.id) as waves,
			       (select count(*) from survey_session x where x.survey_id = s.id) as invited,
			       (select count(*) from survey_session x where x.survey_id = s.id and x.status = 'COMPLETE') as completed
			from survey_survey s
			""";

	private SurveySummary mapSummary(ResultSet rs, int row) throws SQLException {
		return new SurveySummary(rs.getLong("id"), rs.getLong("line_id"), rs.getString("form_id"), rs.getString("version"),
				rs.getString("title"), instant(rs, "created_at"), rs.getInt("waves"), rs.getInt("invited"), rs.getInt("completed"), rs.getBoolean("frozen"),
				nullableLong(rs, "previous_id"));
	}

	SurveyForm form(long surveyId) {
		SurveyForm cached = this.forms.get(surveyId);
		if (cached != null) {
			return cached;
		}
		record Stored(String definition, boolean frozen) {
		}
		Stored stored = this.jdbc.sql("select definition, frozen from survey_survey where id = ?")
			.param(surveyId)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.survey", surveyId));
		SurveyForm form = this.json.readValue(stored.definition(), SurveyForm.class);
		if (stored.frozen()) {
			this.forms.put(surveyId, form);
		}
		return form;
	}

	byte[] xlsform(long surveyId) {
		return this.jdbc.sql("select xlsform from survey_survey where id = ?").param(surveyId).query(byte[].class).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.survey", surveyId));
	}

	/** The wave with this number, or a new one after the last when null. */
	long wave(long surveyId, Integer number) {
		if (number != null) {
			Optional<Long> existing = this.jdbc.sql("select id from survey_wave where survey_id = ? and number = ?")
				.params(surveyId, number).query(Long.class).optional();
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		return this.jdbc.sql("""
				insert into survey_wave (survey_id, number)
				values (?, coalesce(?, (select coalesce(max(number), 0) + 1 from survey_wave where survey_id = ?))) returning id
				""").params(surveyId, number, surveyId).query(Long.class).single();
	}

	int waveNumber(long waveId) {
		return this.jdbc.sql("select number from survey_wave where id = ?").param(waveId).query(Integer.class).single();
	}

	/** The contacts invited in a wave: the cohort a later wave asks again. */
	List<Long> cohort(long surveyId, int waveNumber) {
		return this.jdbc.sql("""
				select s.contact_id from survey_session s join survey_wave w on w.id = s.wave_id
				where s.survey_id = ? and w.number = ? order by s.id
				""").params(surveyId, waveNumber).query(Long.class).list();
	}

	boolean invitedInWave(long waveId, long contactId) {
		return this.jdbc.sql("select count(*) from survey_session where wave_id = ? and contact_id = ?").params(waveId, contactId)
			.query(Integer.class).single() > 0;
	}

	long startSession(long surveyId, long waveId, long lineId, long contactId, String code, String language, Instant now) {
		return this.jdbc.sql("""
				insert into survey_session (survey_id, wave_id, line_id, contact_id, respondent_code, status, language, invited_at,
				                            last_asked_at)
				values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id
				""").params(surveyId, waveId, lineId, contactId, code, language, timestamp(now), timestamp(now)).query(Long.class).single();
	}

	/** The person's running survey, locked for this transaction. */
	Optional<Session> activeFor(long contactId) {
		return this.jdbc.sql(SESSION + " where contact_id = ? and status = 'ACTIVE' for update").param(contactId).query(this::session).optional();
	}

	Optional<Session> lockActive(long sessionId) {
		return this.jdbc.sql(SESSION + " where id = ? and status = 'ACTIVE' for update skip locked").param(sessionId).query(this::session)
			.optional();
	}

	boolean running(long contactId) {
		return this.jdbc.sql("select count(*) from survey_session where contact_id = ? and status = 'ACTIVE'").param(contactId)
			.query(Integer.class).single() > 0;
	}

	/** Running sessions last asked before the cutoff, oldest first. */
	List<Long> askedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("select id from survey_session where status = 'ACTIVE' and last_asked_at < ? order by last_asked_at limit ?")
			.params(timestamp(cutoff), limit).query(Long.class).list();
	}

	boolean lastAskedBefore(long sessionId, Instant cutoff) {
		return this.jdbc.sql("select count(*) from survey_session where id = ? and last_asked_at < ?")
			.params(sessionId, timestamp(cutoff)).query(Integer.class).single() > 0;
	}

	private Session session(ResultSet rs, int row) throws SQLException {
		return new Session(rs.getLong("id"), rs.getLong("survey_id"), rs.getLong("wave_id"), rs.getLong("line_id"),
				rs.getLong("contact_id"), rs.getString("respondent_code"), rs.getString("status"), rs.getString("language"),
				rs.getString("current_question"), rs.getBoolean("paused"), rs.getInt("reminders_sent"),
				rs.getBoolean("waiting_reply"));
	}

	void asked(long sessionId, String question, Instant now) {
		this.jdbc.sql("update survey_session set current_question = ?, last_asked_at = ?, paused = false where id = ?")
			.params(question, timestamp(now), sessionId).update();
	}

	void reminded(long sessionId, Instant now) {
		this.jdbc.sql("update survey_session set reminders_sent = reminders_sent + 1, last_asked_at = ?, paused = false where id = ?")
			.params(timestamp(now), sessionId).update();
	}

	void waitingReply(long sessionId, boolean waiting) {
		this.jdbc.sql("update survey_session set waiting_reply = ? where id = ?").params(waiting, sessionId).update();
	}

	void paused(long sessionId, boolean paused) {
		this.jdbc.sql("update survey_session set paused = ? where id = ?").params(paused, sessionId).update();
	}

	void finish(long sessionId, String status, Instant now) {
		this.jdbc.sql("update survey_session set status = ?, finished_at = ?, current_question = null where id = ?")
			.params(status, timestamp(now), sessionId).update();
	}

	void countSent(long sessionId, long conversationId) {
		this.jdbc.sql("update survey_session set messages_sent = messages_sent + 1 where id = ?").param(sessionId).update();
		this.jdbc.sql("insert into survey_conversation (conversation_id, session_id) values (?, ?) on conflict do nothing")
			.params(conversationId, sessionId).update();
	}

	void answer(long sessionId, String question, String value, Instant now) {
		this.jdbc.sql("""
				insert into survey_answer (session_id, question, value, answered_at) values (?, ?, ?, ?)
				on conflict (session_id, question) do update set value = excluded.value, answered_at = excluded.answered_at
				""").params(sessionId, question, value, timestamp(now)).update();
		this.jdbc.sql("update survey_session set answered_at = coalesce(answered_at, ?) where id = ?").params(timestamp(now), sessionId)
			.update();
	}

	/** The session's answers by question name ({@code ""} for a skipped one), in the order given. */
	Map<String, String> answers(long sessionId) {
		Map<String, String> answers = new LinkedHashMap<>();
		this.jdbc.sql("select question, value from survey_answer where session_id = ? order by answered_at, question").param(sessionId)
			.query((rs, row) -> answers.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
			.list();
		return answers;
	}

	/** Whether a conversation carried survey messages. */
	boolean surveyConversation(long conversationId) {
		return this.jdbc.sql("select count(*) from survey_conversation where conversation_id = ?").param(conversationId)
			.query(Integer.class).single() > 0;
	}

}
