package org.linea.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.linea.access.LineaUser;
import org.linea.access.Membership;
import org.linea.access.UserService;
import org.linea.access.AuditLog;
import org.linea.shared.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's authenticator: enrolment (a pending secret confirmed by a first code), the second step of
 * sign-in (a code, or a recovery code), and turning it off. Secrets are stored encrypted; a code is
 * accepted once (its step must be later than the last accepted one); five wrong codes within 15 minutes
 * stop further tries for that user until the window passes, on every node.
 */
@Service
public class MfaService {

	static final int MAX_FAILURES = 5;

	static final String FAILURE_WINDOW = "15 minutes";

	private static final int SECRET_BYTES = 20;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final RecoveryCodes recoveryCodes;

	private final MfaPolicy policy;

	private final AuditLog audit;

	private final MfaProperties properties;

	private final Clock clock;

	private final UserService users;

	MfaService(JdbcClient jdbc, FieldCipher cipher, RecoveryCodes recoveryCodes, MfaPolicy policy, AuditLog audit,
			MfaProperties properties, Clock clock, UserService users) {
		this.users = users;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.recoveryCodes = recoveryCodes;
		this.policy = policy;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the profile page shows. */
	public record Status(boolean enrolled, boolean required, int recoveryCodesLeft) {
	}

	/** What the enrolment page shows: the secret for manual entry, the otpauth URI and its QR code. */
	public record Enrolment(String secret, String uri, String qrCode) {

		/** The secret in groups of four, as people type it. */
		public String grouped() {
			return String.join(" ", this.secret.split("(?<=\\G.{4})"));
		}

	}

	public enum Check {

		ACCEPTED, RECOVERY_CODE_USED, WRONG, THROTTLED;

		public boolean passed() {
			return this == ACCEPTED || this == RECOVERY_CODE_USED;
		}

	}

	@Transactional(readOnly = true)
	public Status status(LineaUser user) {
		return new Status(enrolled(user.id()), this.policy.required(user), this.recoveryCodes.left(user.id()));
	}

	@Transactional(readOnly = true)
	public boolean enrolled(long userId) {
		return this.jdbc.sql("select exists (select 1 from mfa_totp where user_id = ? and secret_encrypted is not null)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

	/** Whether this user's password sessions need the code: they have an authenticator, or must have one. One query at most. */
	@Transactional(readOnly = true)
	public boolean secondStepDue(LineaUser user) {
		if (user.memberships().stream().anyMatch(m -> MfaPolicy.ALWAYS_REQUIRED.contains(m.role()))) {
			return true;
		}
		Long[] organisations = user.memberships()
			.stream()
			.map(Membership::organisationId)
			.filter(Objects::nonNull)
			.toArray(Long[]::new);
		return this.jdbc.sql("""
				select exists (select 1 from mfa_totp where user_id = ? and secret_encrypted is not null)
				    or exists (select 1 from mfa_organisation_policy where organisation_id = any(?) and staff_required)
				""").params(user.id(), organisations).query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	public Set<Long> enrolledUsers() {
		return Set.copyOf(this.jdbc.sql("select user_id from mfa_totp where secret_encrypted is not null").query(Long.class).list());
	}

	/** The secret waiting to be confirmed: the same one until confirmed, so reloading the page keeps the QR code valid. */
	@Transactional
	public Enrolment startEnrolment(LineaUser user) {
		byte[] fresh = new byte[SECRET_BYTES];
		this.random.nextBytes(fresh);
		byte[] stored = this.jdbc.sql("""
				insert into mfa_totp (user_id, pending_secret_encrypted) values (?, ?)
				on conflict (user_id) do update
				set pending_secret_encrypted = coalesce(mfa_totp.pending_secret_encrypted, excluded.pending_secret_encrypted)
				returning pending_secret_encrypted
				""").params(user.id(), this.cipher.encrypt(fresh)).query(byte[].class).single();
		String secret = Base32.encode(this.cipher.decrypt(stored));
		String issuer = this.properties.issuer();
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(user.getUsername()) + "?secret=" + secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(secret, uri, QrCode.svgDataUri(uri));
	}

	/**
	 * Makes the pending secret the user's authenticator when the code is right for it, replacing any
	 * earlier one, and returns new recovery codes; empty when the code is wrong.
	 */
	@Transactional
	public Optional<List<String>> confirmEnrolment(long userId, String code) {
		Optional<byte[]> pending = this.jdbc.sql("select pending_secret_encrypted from mfa_totp where user_id = ? for update")
			.param(userId)
			.query(byte[].class)
			.optional();
		if (pending.isEmpty() || pending.get() == null) {
			return Optional.empty();
		}
		OptionalLong step = Totp.matchingStep(this.cipher.decrypt(pending.get()), strip(code), now());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update mfa_totp set secret_encrypted = pending_secret_encrypted, pending_secret_encrypted = null,
				enrolled_at = now(), last_used_step = ?, failed_attempts = 0, last_failed_at = null
				where user_id = ?
				""").params(step.getAsLong(), userId).update();
		this.audit.record("MFA_ENROLLED", "user", Long.toString(userId), Map.of());
		return Optional.of(this.recoveryCodes.replace(userId));
	}

	/** The second step of sign-in: a code from the app, or one of the recovery codes. */
	@Transactional
	public Check check(long userId, String input) {
		if (throttled(userId)) {
			return Check.THROTTLED;
		}
		if (acceptCode(userId, strip(input))) {
			return Check.ACCEPTED;
		}
		if (RecoveryCodes.looksLikeOne(input) && this.recoveryCodes.use(userId, input)) {
			resetFailures(userId);
			this.audit.record("MFA_RECOVERY_CODE_USED", "user", Long.toString(userId), Map.of());
			return Check.RECOVERY_CODE_USED;
		}
		recordFailure(userId);
		return Check.WRONG;
	}

	/** A code from the app only (no recovery code), as confirmation before a change; counts towards the throttle. */
	@Transactional
	public Check checkCode(long userId, String code) {
		if (throttled(userId)) {
			return Check.THROTTLED;
		}
		if (acceptCode(userId, strip(code))) {
			return Check.ACCEPTED;
		}
		recordFailure(userId);
		return Check.WRONG;
	}

	@Transactional
	public List<String> newRecoveryCodes(long userId) {
		List<String> codes = this.recoveryCodes.replace(userId);
		this.audit.record("MFA_RECOVERY_CODES_REPLACED", "user", Long.toString(userId), Map.of());
		return codes;
	}

	/** The user turns the second step off (only allowed when not required of them). */
	@Transactional
	public void disable(long userId) {
		remove(userId);
		this.audit.record("MFA_DISABLED", "user", Long.toString(userId), Map.of());
		this.users.endOtherSessions(userId);
	}

	/** An administrator removes a user's authenticator (lost phone): they enrol again at their next sign-in. */
	@Transactional
	public void reset(long userId, Long organisationId) {
		remove(userId);
		this.audit.record(organisationId, "MFA_RESET", "user", Long.toString(userId), Map.of());
		// whoever holds the lost phone may also hold a signed-in session
		this.users.endOtherSessions(userId);
	}

	@Transactional(readOnly = true)
	public boolean throttled(long userId) {
		return this.jdbc.sql("""
				select exists (select 1 from mfa_totp where user_id = ? and failed_attempts >= ?
				and last_failed_at > now() - cast(? as interval))
				""").params(userId, MAX_FAILURES, FAILURE_WINDOW).query(Boolean.class).single();
	}

	@Transactional
	public void recordFailure(long userId) {
		this.jdbc.sql("""
				update mfa_totp set failed_attempts = case
				    when last_failed_at is null or last_failed_at <= now() - cast(? as interval) then 1
				    else failed_attempts + 1 end,
				last_failed_at = now()
				where user_id = ?
				""").params(FAILURE_WINDOW, userId).update();
	}

	private boolean acceptCode(long userId, String code) {
		Optional<byte[]> secret = this.jdbc.sql("select secret_encrypted from mfa_totp where user_id = ? and secret_encrypted is not null")
			.param(userId)
			.query(byte[].class)
			.optional();
		if (secret.isEmpty()) {
			return false;
		}
		byte[] key = this.cipher.decrypt(secret.get());
		OptionalLong step = Totp.matchingStep(key, code, now());
		Arrays.fill(key, (byte) 0);
		if (step.isEmpty()) {
			return false;
		}
		// atomic: of two requests with the same code, only one moves the step forward
		return this.jdbc.sql("""
				update mfa_totp set last_used_step = ?, failed_attempts = 0, last_failed_at = null
				where user_id = ? and (last_used_step is null or last_used_step < ?)
				""").params(step.getAsLong(), userId, step.getAsLong()).update() == 1;
	}

	private void resetFailures(long userId) {
		this.jdbc.sql("update mfa_totp set failed_attempts = 0, last_failed_at = null where user_id = ?").param(userId).update();
	}

	private void remove(long userId) {
		this.jdbc.sql("delete from mfa_totp where user_id = ?").param(userId).update();
		this.recoveryCodes.removeAll(userId);
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static String strip(String code) {
		return code == null ? "" : code.replaceAll("\\s", "");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
