package org.linea.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.ChannelType;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;
import org.linea.shared.NotFoundException;
import org.linea.shared.validation.FormValidation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lines and who may work on them. */
@Service
public class LineService {

	private static final String SELECT = """
			select id, organisation_id, line_key, name, channel_type, country_code, time_zone, languages,
			       opening_hours, retention_days, first_response_minutes, active, closed_at
			from admin_line
			""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final FormValidation forms;

	private final Messages messages;

	LineService(JdbcClient jdbc, ApplicationEventPublisher events, FormValidation forms, Messages messages) {
		this.jdbc = jdbc;
		this.events = events;
		this.forms = forms;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public Optional<Line> findByKey(String key) {
		return this.jdbc.sql(SELECT + " where line_key = ?").param(key).query(LineService::map).optional();
	}

	@Transactional(readOnly = true)
	public Line get(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("error.missing.line", id));
	}

	@Transactional(readOnly = true)
	public Optional<Line> findById(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(LineService::map).optional();
	}

	/**
	 * The line with this key, if the current user holds the permission in its organisation. A line
	 * the user may not see is reported as missing, so keys of other organisations do not leak.
	 */
	@Transactional(readOnly = true)
	public Line requireAccess(String key, Permission permission) {
		Line line = findByKey(key).orElseThrow(() -> new NotFoundException("error.missing.line", key));
		Access.require(line.organisationId(), permission, "error.missing.line", key);
		return line;
	}

	/** The line, if the current user holds the permission in its organisation; else as {@link #requireAccess}. */
	@Transactional(readOnly = true)
	public Line requireAccess(long lineId, Permission permission, String notFound, Object id) {
		Line line = findById(lineId).orElseThrow(() -> new NotFoundException(notFound, id));
		Access.require(line.organisationId(), permission, notFound, id);
		return line;
	}

	/** The line with this key, if the current user holds any of the permissions in its organisation. */
	@Transactional(readOnly = true)
	public Line requireAccessAny(String key, Permission... any) {
		Line line = findByKey(key).orElseThrow(() -> new NotFoundException("error.missing.line", key));
		for (Permission permission : any) {
			if (Access.allows(line.organisationId(), permission)) {
				return line;
			}
		}
		Access.require(line.organisationId(), any[0], "error.missing.line", key);
		return line;
	}

	/** Active lines where the current user holds any of the permissions, by name. */
	@Transactional(readOnly = true)
	public List<Line> accessibleLines(Permission first, Permission... more) {
		LineaUser user = CurrentUser.require();
		return this.jdbc.sql(SELECT + " where active order by name").query(LineService::map).list()
			.stream()
			.filter(line -> user.can(line.organisationId(), first)
					|| java.util.Arrays.stream(more).anyMatch(p -> user.can(line.organisationId(), p)))
			.toList();
	}

	/** Whether the current user holds the permission on the line's organisation. */
	public boolean canAccess(Line line, Permission permission) {
		return Access.allows(line.organisationId(), permission);
	}

	/** Every line the current user administers: all of them for an installation administrator. */
	@Transactional(readOnly = true)
	public List<Line> administered() {
		LineaUser user = CurrentUser.require();
		return all().stream().filter(line -> user.can(line.organisationId(), Permission.ORG_ADMIN)).toList();
	}

	@Transactional(readOnly = true)
	public List<Line> all() {
		return this.jdbc.sql(SELECT + " order by name").query(LineService::map).list();
	}

	@Transactional
	public Line create(LineForm form) {
		validate(form);
		if (findByKey(form.key()).isPresent()) {
			throw new InvalidRequestException("error.access.line-key-already-exists", form.key());
		}
		long id = this.jdbc.sql("""
				insert into admin_line (organisation_id, line_key, name, channel_type, country_code, time_zone,
				                        languages, opening_hours, retention_days, first_response_minutes)
				values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?) returning id
				""")
			.params(form.organisationId(), form.key(), form.name().strip(), form.channelType().name(), form.countryCode(),
					form.timeZone(), "{" + String.join(",", form.languages()) + "}",
					form.openingHours() == null ? "" : form.openingHours().strip(), form.retentionDays(),
					form.firstResponseMinutesOrDefault())
			.query(Long.class)
			.single();
		this.events.publishEvent(new LineCreated(id));
		return get(id);
	}

	/** Changes a line's name, time zone, languages, opening hours, retention or response objective (its administrators). */
	@Transactional
	public Line update(String key, LineChanges changes) {
		Line line = requireAccess(key, Permission.ORG_ADMIN);
		LineForm form = changes.appliedTo(line);
		validate(form);
		this.jdbc.sql("""
				update admin_line set name = ?, time_zone = ?, languages = ?::text[], opening_hours = ?, retention_days = ?,
				    first_response_minutes = ?
				where id = ?
				""")
			.params(form.name().strip(), form.timeZone(), "{" + String.join(",", form.languages()) + "}",
					form.openingHours() == null ? "" : form.openingHours().strip(), form.retentionDays(),
					form.firstResponseMinutesOrDefault(), line.id())
			.update();
		return get(line.id());
	}

	/**
	 * Sets when the line closes (its exit strategy): from then on people writing in are referred elsewhere.
	 * Its data stays, following its retention periods. The caller has checked the user may close it.
	 */
	@Transactional
	public Line closeAt(long lineId, java.time.Instant closesAt) {
		this.jdbc.sql("update admin_line set closed_at = ? where id = ?").params(java.sql.Timestamp.from(closesAt), lineId).update();
		return get(lineId);
	}

	/** Calls off the line's closure: it answers people again. The caller has checked the user may close it. */
	@Transactional
	public Line reopen(long lineId) {
		this.jdbc.sql("update admin_line set closed_at = null where id = ?").param(lineId).update();
		return get(lineId);
	}

	private void validate(LineForm form) {
		this.forms.valid(form);
		if (form.openingHours() != null && !form.openingHours().isBlank()) {
			OpeningHours.parse(form.openingHours());
		}
		boolean organisationExists = this.jdbc.sql("select exists (select 1 from admin_organisation where id = ?)")
			.param(form.organisationId())
			.query(Boolean.class)
			.single();
		if (!organisationExists) {
			throw this.messages.invalid("linea.validation.organisation");
		}
	}

	private static Line map(ResultSet rs, int row) throws SQLException {
		Array languages = rs.getArray("languages");
		return new Line(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("line_key"), rs.getString("name"),
				ChannelType.valueOf(rs.getString("channel_type")), rs.getString("country_code"),
				ZoneId.of(rs.getString("time_zone")), Arrays.asList((String[]) languages.getArray()),
				rs.getString("opening_hours"), rs.getInt("retention_days"), rs.getInt("first_response_minutes"),
				rs.getBoolean("active"), rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
	}

}
