package org.linea.feedback.referral;

import org.linea.feedback.LocalCalendar;
import org.linea.feedback.FeedbackProperties;
import org.linea.feedback.LineScope;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.log.FeedbackLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.UserService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;
import static org.linea.shared.db.Rows.nullableLong;

/**
 * The feedback loop to programmes: a coded complaint or request for help is referred to a programme
 * with a due date set by its category, and followed until the person is told the answer and it is
 * closed. Coders take the steps; readers of the log see them.
 */
@Service
public class ProgrammeReferrals {

	private static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	private final FeedbackLog log;

	private final LineService lines;

	private final UserService users;

	private final FeedbackProperties properties;

	private final Clock clock;

	ProgrammeReferrals(JdbcClient jdbc, FeedbackLog log, LineService lines, UserService users, FeedbackProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.lines = lines;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/** Refers the interaction, coded as a complaint or a request for help, to a programme. */
	@Transactional
	public long refer(long conversationId, String programme, String note) {
		Line line = requireCoder(conversationId);
		String category = this.jdbc.sql("select feedback_type from feedback_log where conversation_id = ?").param(conversationId)
			.query(String.class).optional().orElse(null);
		Integer days = category == null ? null : this.properties.referralDueDays().get(FeedbackType.valueOf(category));
		if (days == null) {
			throw new InvalidRequestException("error.feedback.only-complaints-requests-help");
		}
		String name = text(programme, 200);
		if (name == null) {
			throw new InvalidRequestException("error.feedback.say-which-programme-referred");
		}
		return this.jdbc.sql("""
				insert into feedback_programme_referral (conversation_id, line_id, programme, category, due_on, note, referred_by, referred_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id
				""").params(conversationId, line.id(), name, category, today(line).plusDays(days), text(note, MAX_TEXT),
				CurrentUser.require().id(), now()).query(Long.class).single();
	}

	/** Takes the referral's next step; the programme's answer goes with RESPONDED. */
	@Transactional
	public void advance(long referralId, ReferralStep step, String response) {
		Row row = this.jdbc.sql("select conversation_id, status from feedback_programme_referral where id = ? for update")
			.param(referralId).query((rs, n) -> new Row(rs.getLong(1), ReferralStep.valueOf(rs.getString(2)))).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.referral", referralId));
		requireCoder(row.conversationId());
		if (step == null || row.step().next() != step) {
			throw new InvalidRequestException("error.feedback.referral-become", row.step(), step);
		}
		String answer = text(response, MAX_TEXT);
		if (step == ReferralStep.RESPONDED && answer == null) {
			throw new InvalidRequestException("error.feedback.write-what-programme-answered");
		}
		String column = step.name().toLowerCase(Locale.ROOT);
		this.jdbc.sql("update feedback_programme_referral set status = ?, " + column + "_by = ?, " + column
				+ "_at = ?, response = coalesce(?, response) where id = ?")
			.params(step.name(), CurrentUser.require().id(), now(), step == ReferralStep.RESPONDED ? answer : null, referralId)
			.update();
	}

	/** The record's referrals, oldest first. */
	@Transactional(readOnly = true)
	public List<ProgrammeReferral> of(long conversationId) {
		Line line = this.lines.get(this.log.lineOf(conversationId));
		List<Raw> rows = this.jdbc.sql("select * from feedback_programme_referral where conversation_id = ? order by id")
			.param(conversationId).query(ProgrammeReferrals::raw).list();
		Set<Long> people = new HashSet<>();
		rows.forEach(r -> people.addAll(r.people()));
		Map<Long, String> names = this.users.displayNames(people);
		LocalDate today = today(line);
		return rows.stream().map(r -> r.toReferral(names, today)).toList();
	}

	/** A referral past its due date and not closed, as the log lists it. */
	public record Overdue(long conversationId, String code, String programme, LocalDate dueOn, ReferralStep step) {
	}

	/** Referrals of the scope's lines past their due date and not closed, whenever referred, oldest due first. */
	@Transactional(readOnly = true)
	public List<Overdue> overdue(LineScope scope) {
		return this.jdbc.sql("""
				select p.conversation_id, l.record_code, p.programme, p.due_on, p.status from feedback_programme_referral p
				join feedback_log l on l.conversation_id = p.conversation_id
				where p.line_id = any(?) and p.status <> 'CLOSED' and p.due_on < ? order by p.due_on, p.id
				""").params(scope.lineIds(), today(scope.lines().getFirst()))
			.query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					ReferralStep.valueOf(rs.getString(5))))
			.list();
	}

	/** Programmes the organisation referred to before, for the form's suggestions. */
	@Transactional(readOnly = true)
	public List<String> programmes(long organisationId) {
		return this.jdbc.sql("""
				select distinct p.programme from feedback_programme_referral p join feedback_log l on l.conversation_id = p.conversation_id
				where l.organisation_id = ? order by 1
				""").param(organisationId).query(String.class).list();
	}

	private Line requireCoder(long conversationId) {
		Line line = this.lines.get(this.log.lineOf(conversationId));
		return this.lines.requireAccess(line.key(), Permission.FEEDBACK_CODE);
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private LocalDate today(Line line) {
		return LocalCalendar.day(Instant.now(this.clock), line.timeZone());
	}

	private static String text(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > max) {
			throw new InvalidRequestException("error.feedback.most-characters", max);
		}
		return value.strip();
	}

	private static Raw raw(ResultSet rs, int row) throws SQLException {
		return new Raw(rs.getLong("id"), rs.getString("programme"), rs.getString("category"), rs.getObject("due_on", LocalDate.class),
				ReferralStep.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("response"),
				new Step(nullableLong(rs, "referred_by"), instant(rs, "referred_at")),
				new Step(nullableLong(rs, "responded_by"), instant(rs, "responded_at")),
				new Step(nullableLong(rs, "informed_by"), instant(rs, "informed_at")),
				new Step(nullableLong(rs, "closed_by"), instant(rs, "closed_at")));
	}

	private record Row(long conversationId, ReferralStep step) {
	}

	private record Step(Long by, Instant at) {

		ProgrammeReferral.Taken named(Map<Long, String> names) {
			return this.at == null ? null : new ProgrammeReferral.Taken(this.by == null ? null : names.get(this.by), this.at);
		}

	}

	private record Raw(long id, String programme, String category, LocalDate dueOn, ReferralStep step, String note, String response,
			Step referred, Step responded, Step informed, Step closed) {

		Set<Long> people() {
			Set<Long> ids = new HashSet<>();
			for (Step s : List.of(this.referred, this.responded, this.informed, this.closed)) {
				if (s.by() != null) {
					ids.add(s.by());
				}
			}
			return ids;
		}

		ProgrammeReferral toReferral(Map<Long, String> names, LocalDate today) {
			return new ProgrammeReferral(this.id, this.programme, this.category, this.dueOn, this.step, this.note, this.response,
					this.referred.named(names), this.responded.named(names), this.informed.named(names), this.closed.named(names),
					this.step != ReferralStep.CLOSED && today.isAfter(this.dueOn));
		}

	}

}
