package org.linea.safeguarding;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.OpeningHours;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A line's safeguarding set-up, on a page instead of SQL: its emergency numbers and the minutes an
 * urgent case may wait unacknowledged, its on-call rota, the organisation's investigation focal points,
 * and its own safe replies (written as drafts, sent only once validated, as bank entries are). Focal
 * points and coordinators ({@link Permission#SAFEGUARDING_SETTINGS}); every change audited.
 */
@Service
public class SafeguardingSettings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	/** The categories a line's own reply may be for: each category, or any urgent report. */
	static final List<String> REPLY_KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of(SafeReplies.URGENT),
			EnumSet.allOf(Category.class).stream().map(Enum::name)).toList();

	/** Replies that must tell the person the line's emergency numbers. */
	private static final List<String> WITH_NUMBERS = List.of(SafeReplies.URGENT, Category.SELF_HARM.name());

	private final JdbcClient jdbc;

	private final LineService lines;

	private final AuditLog audit;

	SafeguardingSettings(JdbcClient jdbc, LineService lines, AuditLog audit) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.audit = audit;
	}

	/** A person of the rota, in order; on call as written (empty: always). */
	public record RotaEntry(int position, long userId, String name, String email, String onCall) {
	}

	public record Investigator(long userId, String name, String email) {
	}

	public record OwnReply(long id, String category, String language, String text, String status) {
	}

	/** A focal point of the organisation, who may be on the rota or investigate. */
	public record FocalPoint(long id, String name) {
	}

	public record Settings(Line line, String emergencyNumbers, int ackMinutes, List<RotaEntry> rota,
			List<Investigator> investigators, List<OwnReply> replies, List<FocalPoint> focalPoints) {
	}

	@Transactional(readOnly = true)
	public Settings of(String lineKey) {
		Line line = require(lineKey);
		var alerting = this.jdbc.sql("select emergency_numbers, ack_minutes from safeguarding_line_settings where line_id = ?")
			.param(line.id())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.optional()
			.orElse(Map.entry("", 10));
		List<RotaEntry> rota = this.jdbc.sql("""
				select r.position, r.user_id, u.display_name as name, r.email, r.on_call from safeguarding_rota r join admin_user u on u.id = r.user_id
				where r.line_id = ? order by r.position
				""").param(line.id()).query(RotaEntry.class).list();
		List<Investigator> investigators = this.jdbc.sql("""
				select i.user_id, u.display_name as name, i.email from safeguarding_investigation_focal_point i join admin_user u on u.id = i.user_id
				where i.organisation_id = ? order by u.display_name
				""").param(line.organisationId()).query(Investigator.class).list();
		List<OwnReply> replies = this.jdbc.sql("""
				select id, category, language, text, status from safeguarding_safe_reply where line_id = ? order by category, language
				""").param(line.id()).query(OwnReply.class).list();
		return new Settings(line, alerting.getKey(), alerting.getValue(), rota, investigators, replies, focalPoints(line));
	}

	@Transactional
	public void setAlerting(String lineKey, String emergencyNumbers, int ackMinutes) {
		Line line = require(lineKey);
		String numbers = emergencyNumbers == null ? "" : emergencyNumbers.strip();
		if (numbers.length() > 300) {
			throw new InvalidRequestException("error.safeguarding.emergency-numbers-most-300");
		}
		if (ackMinutes < 1 || ackMinutes > 1440) {
			throw new InvalidRequestException("error.safeguarding.urgent-case-waits-1");
		}
		this.jdbc.sql("""
				insert into safeguarding_line_settings (line_id, emergency_numbers, ack_minutes, updated_by) values (?, ?, ?, ?)
				on conflict (line_id) do update set emergency_numbers = excluded.emergency_numbers, ack_minutes = excluded.ack_minutes,
				       updated_at = now(), updated_by = excluded.updated_by
				""").params(line.id(), numbers, ackMinutes, CurrentUser.require().id()).update();
		record(line, "SAFEGUARDING_ALERTING_CHANGED", Map.of("ackMinutes", ackMinutes));
	}

	/** Adds a focal point at the end of the rota, with the hours they are on call in the line's time zone. */
	@Transactional
	public void addToRota(String lineKey, long userId, String email, String onCall) {
		Line line = require(lineKey);
		requireFocalPoint(line, userId);
		String hours = onCall == null ? "" : onCall.strip();
		OpeningHours.parse(hours);
		int position = this.jdbc.sql("select coalesce(max(position), 0) + 1 from safeguarding_rota where line_id = ?")
			.param(line.id()).query(Integer.class).single();
		if (position > 50) {
			throw new InvalidRequestException("error.safeguarding.rota-most-50-people");
		}
		this.jdbc.sql("insert into safeguarding_rota (line_id, position, user_id, email, on_call) values (?, ?, ?, ?, ?)")
			.params(line.id(), position, userId, email(email), hours).update();
		record(line, "SAFEGUARDING_ROTA_CHANGED", Map.of("added", userId, "position", position));
	}

	@Transactional
	public void removeFromRota(String lineKey, int position) {
		Line line = require(lineKey);
		if (this.jdbc.sql("delete from safeguarding_rota where line_id = ? and position = ?").params(line.id(), position).update() > 0) {
			record(line, "SAFEGUARDING_ROTA_CHANGED", Map.of("removed", position));
		}
	}

	/** Names a focal point of the organisation to receive its reports against staff. */
	@Transactional
	public void addInvestigator(String lineKey, long userId, String email) {
		Line line = require(lineKey);
		requireFocalPoint(line, userId);
		this.jdbc.sql("""
				insert into safeguarding_investigation_focal_point (organisation_id, user_id, email) values (?, ?, ?)
				on conflict (organisation_id, user_id) do update set email = excluded.email
				""").params(line.organisationId(), userId, email(email)).update();
		record(line, "SAFEGUARDING_INVESTIGATORS_CHANGED", Map.of("added", userId));
	}

	@Transactional
	public void removeInvestigator(String lineKey, long userId) {
		Line line = require(lineKey);
		if (this.jdbc.sql("delete from safeguarding_investigation_focal_point where organisation_id = ? and user_id = ?")
			.params(line.organisationId(), userId).update() > 0) {
			record(line, "SAFEGUARDING_INVESTIGATORS_CHANGED", Map.of("removed", userId));
		}
	}

	/**
	 * Writes the line's own reply for a category (or URGENT) and language, as a draft: until it is
	 * validated the shipped reply is sent. {@code {numbers}} stands for the emergency numbers, which an
	 * urgent or self-harm reply must give.
	 */
	@Transactional
	public void saveReply(String lineKey, String category, String language, String text) {
		Line line = require(lineKey);
		if (!REPLY_KEYS.contains(category)) {
			throw new InvalidRequestException("error.safeguarding.safe-reply", REPLY_KEYS);
		}
		if (language == null || !line.languages().contains(language)) {
			throw new InvalidRequestException("error.safeguarding.safe-reply-line-languages", line.languages());
		}
		String reply = text == null ? "" : text.strip();
		if (reply.isEmpty() || reply.length() > 1000) {
			throw new InvalidRequestException("error.safeguarding.safe-reply-1-1000");
		}
		if (WITH_NUMBERS.contains(category) && !reply.contains("{numbers}")) {
			throw new InvalidRequestException("error.safeguarding.urgent-self-harm-reply");
		}
		this.jdbc.sql("""
				insert into safeguarding_safe_reply (line_id, category, language, text, status, updated_by) values (?, ?, ?, ?, 'DRAFT', ?)
				on conflict (line_id, category, language) do update set text = excluded.text, status = 'DRAFT', updated_at = now(),
				       updated_by = excluded.updated_by
				""").params(line.id(), category, language, reply, CurrentUser.require().id()).update();
		record(line, "SAFEGUARDING_REPLY_CHANGED", Map.of("category", category, "language", language, "status", "DRAFT"));
	}

	/** A draft is checked and validated: from now on it is sent. */
	@Transactional
	public void validateReply(String lineKey, long replyId) {
		Line line = require(lineKey);
		var reply = this.jdbc.sql("update safeguarding_safe_reply set status = 'VALIDATED', updated_at = now(), updated_by = ? where id = ? and line_id = ? returning category, language")
			.params(CurrentUser.require().id(), replyId, line.id())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new InvalidRequestException("error.safeguarding.reply-longer-there"));
		record(line, "SAFEGUARDING_REPLY_CHANGED", Map.of("category", reply.getKey(), "language", reply.getValue(), "status", "VALIDATED"));
	}

	/** Removes the line's own reply: Linea's shipped one is sent again. */
	@Transactional
	public void removeReply(String lineKey, long replyId) {
		Line line = require(lineKey);
		if (this.jdbc.sql("delete from safeguarding_safe_reply where id = ? and line_id = ?").params(replyId, line.id()).update() > 0) {
			record(line, "SAFEGUARDING_REPLY_CHANGED", Map.of("removed", replyId));
		}
	}

	private Line require(String lineKey) {
		return this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
	}

	private List<FocalPoint> focalPoints(Line line) {
		return this.jdbc.sql("""
				select distinct u.id, u.display_name as name from admin_user u join admin_membership m on m.user_id = u.id
				where m.organisation_id = ? and m.role = 'SAFEGUARDING' and u.enabled order by u.display_name
				""").param(line.organisationId()).query(FocalPoint.class).list();
	}

	private void requireFocalPoint(Line line, long userId) {
		if (focalPoints(line).stream().noneMatch(person -> person.id() == userId)) {
			throw new InvalidRequestException("error.safeguarding.only-safeguarding-focal-point");
		}
	}

	private static String email(String email) {
		String value = email == null ? "" : email.strip();
		if (!EMAIL.matcher(value).matches() || value.length() > 254) {
			throw new InvalidRequestException("error.safeguarding.write-email-address-focal");
		}
		return value;
	}

	private void record(Line line, String action, Map<String, ?> detail) {
		this.audit.record(line.organisationId(), action, "line", line.key(), detail);
	}

}
