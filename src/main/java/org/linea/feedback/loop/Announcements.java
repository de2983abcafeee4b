package org.linea.feedback.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.AuditLog;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.broadcast.BroadcastService;
import org.linea.broadcast.CampaignKind;
import org.linea.feedback.coding.Codebook;
import org.linea.shared.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said, we did": an announcement linked to feedback themes (codebook topics) or rumour groups, sent as a
 * broadcast to the people of the line who raised them. Only those whose latest BROADCASTS consent is GIVEN
 * are sent it (and each turn checks again, with the line's quiet hours, weekly cap, reply window and opt-outs);
 * everyone else is counted as skipped with the reason. The feedback records of the people it is sent to are
 * marked with it and its date.
 */
@Service
public class Announcements {

	private final JdbcClient jdbc;

	private final LineService lines;

	private final BroadcastService broadcasts;

	private final Codebook codebook;

	private final AuditLog audit;

	private final Messages messages;

	Announcements(JdbcClient jdbc, LineService lines, BroadcastService broadcasts, Codebook codebook, AuditLog audit, Messages messages) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.broadcasts = broadcasts;
		this.codebook = codebook;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional
	public Announcement create(String lineKey, AnnouncementRequest request) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			throw this.messages.invalid("announcement.invalid.name");
		}
		if (request.themes().isEmpty() && request.rumours().isEmpty()) {
			throw this.messages.invalid("announcement.invalid.nothing");
		}
		if (request.message() == null) {
			throw this.messages.invalid("announcement.invalid.message");
		}
		List<String> codes = this.codebook.activeCodes(line.organisationId());
		for (String theme : request.themes()) {
			if (!codes.contains(theme)) {
				throw this.messages.invalid("announcement.invalid.theme", theme);
			}
		}
		Long[] rumours = request.rumours().toArray(Long[]::new);
		long known = this.jdbc.sql("select count(*) from feedback_rumour where organisation_id = ? and id = any(?)")
			.params(line.organisationId(), rumours)
			.query(Long.class)
			.single();
		if (known != rumours.length) {
			throw this.messages.invalid("announcement.invalid.rumour");
		}
		String[] themes = request.themes().toArray(String[]::new);
		List<Long> raisers = this.jdbc.sql("""
				select contact_id from feedback_log where line_id = ? and topics && ?::text[]
				union
				select contact_id from feedback_rumour_report where line_id = ? and rumour_id = any(?)
				""").params(line.id(), themes, line.id(), rumours).query(Long.class).list();
		BroadcastService.Listed listed = this.broadcasts.createListed(line, CampaignKind.ANNOUNCEMENT, request.name().strip(),
				request.message(), raisers, null);
		Long createdBy = CurrentUser.find().map(LineaUser::id).orElse(null);
		long id = this.jdbc.sql("""
				insert into feedback_announcement (line_id, name, themes, rumour_ids, broadcast_id, recipients, skipped, created_by)
				values (?, ?, ?::text[], ?::bigint[], ?, ?, ?, ?) returning id
				""").params(line.id(), request.name().strip(), themes, rumours, listed.id(), listed.recipients(),
				(int) listed.skippedTotal(), createdBy).query(Long.class).single();
		int records = this.jdbc.sql("""
				update feedback_log set loop_announcement_id = ?, loop_closed_at = now()
				where line_id = ? and contact_id = any(?)
				  and (topics && ?::text[]
				       or conversation_id in (select conversation_id from feedback_rumour_report where line_id = ? and rumour_id = any(?)))
				""").params(id, line.id(), listed.contactIds().toArray(Long[]::new), themes, line.id(), rumours).update();
		Map<String, Long> skipped = new LinkedHashMap<>();
		listed.skipped().forEach((status, count) -> skipped.put(status.name(), count));
		this.audit.record(line.organisationId(), "ANNOUNCEMENT_CREATED", "line", line.key(),
				Map.of("announcement", id, "broadcast", listed.id(), "recipients", listed.recipients(), "records", records));
		return new Announcement(id, listed.id(), listed.recipients(), skipped, records);
	}

	/** What an announcement may be about on the line: the organisation's topic codes and rumour groups. */
	@Transactional
	public Choices choices(Line line) {
		List<Choice> rumours = new ArrayList<>(this.jdbc.sql("""
				select id, coalesce(title, '#' || id) from feedback_rumour where organisation_id = ? order by id desc limit 200
				""").param(line.organisationId()).query((rs, row) -> new Choice(rs.getString(1), rs.getString(2))).list());
		return new Choices(this.codebook.activeCodes(line.organisationId()), rumours);
	}

	public record Choice(String value, String label) {
	}

	public record Choices(List<String> themes, List<Choice> rumours) {
	}

}
