package org.linea.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API ({@code Authorization: Bearer lin_...}). A token is 32
 * random bytes; only its SHA-256 is stored, so it is shown once, when created. The administrator's
 * token set by LINEA_ADMIN_TOKEN may be any value of 32 to 512 visible ASCII characters.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "lin_";

	static final int MIN_LENGTH = 32;

	static final int MAX_LENGTH = 512;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserService users;

	private final AuditLog audit;

	ApiTokenService(JdbcClient jdbc, UserService users, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	/** Creates a token for the user and returns it: the only time it can be read. */
	@Transactional
	public String create(long userId, String name) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		store(userId, name, token);
		return token;
	}

	/**
	 * Makes a token chosen elsewhere (LINEA_ADMIN_TOKEN) the user's configured token: stored unless it
	 * already is, and the configured token it replaces revoked. A value that could never authenticate
	 * (too short, or with characters an Authorization header cannot carry), or one revoked since, stops
	 * the start with the reason.
	 */
	@Transactional
	public void ensureConfigured(long userId, String name, String token) {
		String problem = configuredTokenProblem(token);
		if (problem != null) {
			throw new IllegalStateException("LINEA_ADMIN_TOKEN cannot be used: " + problem);
		}
		byte[] hash = sha256(token);
		Optional<Boolean> revoked = this.jdbc.sql("select revoked_at is not null from admin_api_token where token_hash = ?")
			.param(hash)
			.query(Boolean.class)
			.optional();
		if (revoked.orElse(false)) {
			throw new IllegalStateException("LINEA_ADMIN_TOKEN cannot be used: this value was revoked; set a new one");
		}
		List<Long> replaced = this.jdbc.sql("""
				update admin_api_token set revoked_at = now()
				where user_id = ? and configured and revoked_at is null and token_hash <> ? returning id
				""").params(userId, hash).query(Long.class).list();
		replaced.forEach(id -> this.audit.record("TOKEN_REVOKED", "api_token", Long.toString(id), Map.of("user", userId,
				"reason", "LINEA_ADMIN_TOKEN changed")));
		if (revoked.isEmpty()) {
			// the first characters of a chosen secret are part of it: show fewer than of a generated token
			long id = insert(userId, name, hash, token.substring(0, 4), true);
			this.audit.record("TOKEN_CREATED", "api_token", Long.toString(id), Map.of("user", userId));
		}
	}

	/** Why this value cannot work as a bearer token, or null when it can. */
	static String configuredTokenProblem(String token) {
		if (token.length() < MIN_LENGTH) {
			return "it has " + token.length() + " characters, at least " + MIN_LENGTH + " are needed";
		}
		if (token.length() > MAX_LENGTH) {
			return "it has more than " + MAX_LENGTH + " characters";
		}
		if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			return "only visible ASCII characters (no spaces, no accents) can be sent in an Authorization header";
		}
		return null;
	}

	private void store(long userId, String name, String token) {
		if (name == null || name.isBlank() || name.length() > 80) {
			throw new InvalidRequestException("error.access.give-token-name-up");
		}
		long id = insert(userId, name.strip(), sha256(token), token.substring(0, Math.min(token.length(), 10)), false);
		this.audit.record("TOKEN_CREATED", "api_token", Long.toString(id), Map.of("user", userId));
	}

	private long insert(long userId, String name, byte[] hash, String prefix, boolean configured) {
		return this.jdbc.sql("""
				insert into admin_api_token (user_id, name, token_hash, token_prefix, configured) values (?, ?, ?, ?, ?) returning id
				""").params(userId, name, hash, prefix, configured).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(long userId) {
		return this.jdbc.sql("""
				select id, name, token_prefix, created_at, last_used_at, revoked_at
				from admin_api_token where user_id = ? order by created_at desc
				""").param(userId).query(ApiToken.class).list();
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		int changed = this.jdbc.sql("update admin_api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
			.params(tokenId, userId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("error.missing.token", tokenId);
		}
		this.audit.record("TOKEN_REVOKED", "api_token", Long.toString(tokenId), Map.of("user", userId));
	}

	/** The enabled user an active token belongs to. */
	@Transactional
	public Optional<LineaUser> authenticate(String token) {
		if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Optional<Long> userId = this.jdbc.sql("""
				update admin_api_token set last_used_at = ? where token_hash = ? and revoked_at is null returning user_id
				""").params(Timestamp.from(Instant.now()), sha256(token)).query(Long.class).optional();
		return userId.flatMap(this.users::findById).filter(LineaUser::isEnabled);
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
