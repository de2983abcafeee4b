package org.linea.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import org.linea.shared.validation.FormValidation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts, their roles, and sign-in. These operations check no permission: start-up and tests
 * call them directly, the admin page through {@link org.linea.admin.UserAdministration}. Changes take effect on the user's next request: the
 * signed-in user is reloaded on every request (see {@code RefreshSignedInUser}); a new password, a
 * removed role or a disabled account also ends the user's other sessions ({@link AccessWithdrawn}).
 */
@Service
public class UserService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final FormValidation forms;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	UserService(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, PasswordPolicy policy, FormValidation forms,
			ApplicationEventPublisher events) {
		this.policy = policy;
		this.forms = forms;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public LineaUser loadUserByUsername(String username) {
		return findUser("username = ?", username.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("error.missing.user-unknown"));
	}

	@Transactional(readOnly = true)
	public Optional<LineaUser> findByUsername(String username) {
		return findUser("username = ?", username.strip().toLowerCase(Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public Map<Long, String> displayNames(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select id, display_name from admin_user where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Transactional(readOnly = true)
	public Optional<LineaUser> findById(long id) {
		return findUser("id = ?", id);
	}

	private Optional<LineaUser> findUser(String where, Object value) {
		return this.jdbc.sql("select id, username, display_name, password_hash, enabled from admin_user where " + where)
			.param(value)
			.query((rs, row) -> new LineaUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), memberships(rs.getLong("id"))))
			.optional();
	}

	private Set<Membership> memberships(long userId) {
		return new HashSet<>(this.jdbc.sql("select organisation_id, role from admin_membership where user_id = ?")
			.param(userId)
			.query((rs, row) -> new Membership((Long) rs.getObject("organisation_id"), Role.valueOf(rs.getString("role"))))
			.list());
	}

	@Transactional(readOnly = true)
	public boolean anyUserExists() {
		return this.jdbc.sql("select exists (select 1 from admin_user)").query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> all() {
		Map<Long, List<Membership>> roles = this.jdbc.sql("select user_id, organisation_id, role from admin_membership")
			.query((rs, row) -> Map.entry(rs.getLong("user_id"),
					new Membership((Long) rs.getObject("organisation_id"), Role.valueOf(rs.getString("role")))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return this.jdbc.sql("select id, username, display_name, enabled, last_login_at from admin_user order by username")
			.query((ResultSet rs, int row) -> summary(rs, roles))
			.list();
	}

	private static UserSummary summary(ResultSet rs, Map<Long, List<Membership>> roles) throws SQLException {
		long id = rs.getLong("id");
		Timestamp last = rs.getTimestamp("last_login_at");
		return new UserSummary(id, rs.getString("username"), rs.getString("display_name"), rs.getBoolean("enabled"),
				last == null ? null : last.toInstant(), roles.getOrDefault(id, List.of()));
	}

	/** Creates an account; the password must meet the {@link PasswordPolicy}. */
	@Transactional
	public long create(String username, String displayName, String password) {
		String name = username.strip().toLowerCase(Locale.ROOT);
		this.policy.check(name, password);
		try {
			long id = this.jdbc.sql("insert into admin_user (username, display_name, password_hash) values (?, ?, ?) returning id")
				.params(name, displayName.strip(), this.passwords.encode(password))
				.query(Long.class)
				.single();
			this.audit.record("USER_CREATED", "user", Long.toString(id), Map.of("username", name));
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequestException("error.access.username-taken", name);
		}
	}

	@Transactional
	public long create(NewUserForm form) {
		this.forms.valid(form);
		long id = create(form.username(), form.displayName(), form.password());
		if (form.role() != null) {
			grant(id, form.organisationId(), form.role());
		}
		return id;
	}

	@Transactional
	public void grant(long userId, Long organisationId, Role role) {
		if (role.isInstallationWide() != (organisationId == null)) {
			throw new InvalidRequestException(role.isInstallationWide() ? "error.admin.role-applies-whole-installation"
					: "error.admin.choose-organisation-role-applies");
		}
		this.jdbc.sql("""
				insert into admin_membership (user_id, organisation_id, role) values (?, ?, ?)
				on conflict do nothing
				""").params(userId, organisationId, role.name()).update();
		this.audit.record(organisationId, "ROLE_GRANTED", "user", Long.toString(userId),
				Map.of("role", role.name(), "organisation", String.valueOf(organisationId)));
	}

	@Transactional
	public void revoke(long userId, Long organisationId, Role role) {
		this.jdbc.sql("delete from admin_membership where user_id = ? and organisation_id is not distinct from ? and role = ?")
			.params(userId, organisationId, role.name())
			.update();
		this.audit.record(organisationId, "ROLE_REVOKED", "user", Long.toString(userId),
				Map.of("role", role.name(), "organisation", String.valueOf(organisationId)));
		endOtherSessions(userId);
	}

	@Transactional
	public void setEnabled(long userId, boolean enabled) {
		if (!enabled && CurrentUser.find().map(u -> u.id() == userId).orElse(false)) {
			throw new InvalidRequestException("error.access.you-disable-your-own");
		}
		int changed = this.jdbc.sql("update admin_user set enabled = ? where id = ?").params(enabled, userId).update();
		if (changed == 0) {
			throw new NotFoundException("error.missing.user", userId);
		}
		this.audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", Long.toString(userId), Map.of());
		if (!enabled) {
			endOtherSessions(userId);
		}
	}

	@Transactional
	public void setPassword(long userId, String password) {
		String username = this.jdbc.sql("select username from admin_user where id = ?").param(userId).query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.user", userId));
		this.policy.check(username, password);
		int changed = this.jdbc.sql("update admin_user set password_hash = ? where id = ?")
			.params(this.passwords.encode(password), userId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("error.missing.user", userId);
		}
		this.audit.record("PASSWORD_SET", "user", Long.toString(userId), Map.of());
		endOtherSessions(userId);
	}

	/** Ends the user's other sessions, in this transaction (see {@link AccessWithdrawn}). */
	public void endOtherSessions(long userId) {
		this.jdbc.sql("select username from admin_user where id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.ifPresent(username -> this.events.publishEvent(new AccessWithdrawn(userId, username)));
	}

	@Transactional
	public void recordLogin(long userId) {
		this.jdbc.sql("update admin_user set last_login_at = ? where id = ?")
			.params(Timestamp.from(Instant.now()), userId)
			.update();
	}

}
