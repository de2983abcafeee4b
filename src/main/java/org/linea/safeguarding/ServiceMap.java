package org.linea.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A line's referral map: the services its focal points refer people to. Focal points and coordinators
 * of the organisation keep it ({@link Permission#SAFEGUARDING_SETTINGS}); every change is audited.
 */
@Service
public class ServiceMap {

	private static final String SELECT = "select id, line_id, name, kind, contacts, hours, languages, active from safeguarding_service";

	private final JdbcClient jdbc;

	private final LineService lines;

	private final AuditLog audit;

	ServiceMap(JdbcClient jdbc, LineService lines, AuditLog audit) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.audit = audit;
	}

	/** What a service is, as a form gives it. */
	public record ServiceForm(String name, ServiceKind kind, String contacts, String hours, String languages) {
	}

	/** The line's services, the active ones first, by kind and name. */
	@Transactional(readOnly = true)
	public List<SupportService> of(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		return ofLine(line.id());
	}

	/** The services of a line a case may be referred to, for whoever works the case (checked by the caller). */
	List<SupportService> ofLine(long lineId) {
		return this.jdbc.sql(SELECT + " where line_id = ? order by active desc, kind, lower(name)")
			.param(lineId)
			.query(ServiceMap::map)
			.list();
	}

	SupportService get(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(ServiceMap::map).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.service", id));
	}

	@Transactional
	public SupportService add(String lineKey, ServiceForm form) {
		Line line = this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		ServiceForm valid = validate(form, line);
		long id = this.jdbc.sql("""
				insert into safeguarding_service (line_id, name, kind, contacts, hours, languages, updated_by)
				values (?, ?, ?, ?, ?, ?::text[], ?) returning id
				""").params(line.id(), valid.name(), valid.kind().name(), valid.contacts(), valid.hours(), valid.languages(),
				CurrentUser.require().id()).query(Long.class).single();
		this.audit.record(line.organisationId(), "SAFEGUARDING_SERVICE_ADDED", "safeguarding_service", Long.toString(id),
				Map.of("line", line.key(), "kind", valid.kind().name()));
		return get(id);
	}

	@Transactional
	public SupportService update(String lineKey, long id, ServiceForm form, boolean active) {
		Line line = this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		SupportService service = get(id);
		if (service.lineId() != line.id()) {
			throw new NotFoundException("error.missing.service", id);
		}
		ServiceForm valid = validate(form, line);
		this.jdbc.sql("""
				update safeguarding_service set name = ?, kind = ?, contacts = ?, hours = ?, languages = ?::text[], active = ?,
				       updated_at = now(), updated_by = ?
				where id = ?
				""").params(valid.name(), valid.kind().name(), valid.contacts(), valid.hours(), valid.languages(), active,
				CurrentUser.require().id(), id).update();
		this.audit.record(line.organisationId(), "SAFEGUARDING_SERVICE_CHANGED", "safeguarding_service", Long.toString(id),
				Map.of("line", line.key(), "kind", valid.kind().name(), "active", active));
		return get(id);
	}

	private static ServiceForm validate(ServiceForm form, Line line) {
		String name = strip(form.name());
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidRequestException("error.safeguarding.service-name-most-200");
		}
		if (form.kind() == null) {
			throw new InvalidRequestException("error.safeguarding.choose-what-kind-service");
		}
		String contacts = strip(form.contacts());
		String hours = strip(form.hours());
		if (contacts.length() > 500 || hours.length() > 200) {
			throw new InvalidRequestException("error.safeguarding.contacts-most-500-characters");
		}
		Set<String> languages = new LinkedHashSet<>();
		for (String code : strip(form.languages()).toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
			if (code.isEmpty()) {
				continue;
			}
			if (!code.matches("[a-z]{2}")) {
				throw new InvalidRequestException("error.safeguarding.languages-two-letter-codes");
			}
			languages.add(code);
		}
		if (languages.isEmpty()) {
			languages.addAll(line.languages());
		}
		return new ServiceForm(name, form.kind(), contacts, hours, "{" + String.join(",", languages) + "}");
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	private static SupportService map(ResultSet rs, int row) throws SQLException {
		return new SupportService(rs.getLong("id"), rs.getLong("line_id"), rs.getString("name"), ServiceKind.valueOf(rs.getString("kind")),
				rs.getString("contacts"), rs.getString("hours"), Arrays.asList((String[]) rs.getArray("languages").getArray()),
				rs.getBoolean("active"));
	}

}
