package org.linea.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.mfa.Base32;
import org.linea.mfa.Totp;

/**
 * The authenticator app of test users: remembers the secret a test user was shown at enrolment (as a
 * person would scan it) and makes the codes the server accepts. A code is accepted once, so each code
 * is of a later step than the one before; when the window around now is used up it waits for the clock.
 */
public final class TestAuthenticator {

	private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private TestAuthenticator() {
	}

	/** Adds the account as the enrolment page shows its key (base32, spaces allowed). */
	public static void add(String username, String secret) {
		SECRETS.put(key(username), Base32.decode(secret));
		LAST_STEP.remove(key(username));
	}

	public static boolean knows(String username) {
		return SECRETS.containsKey(key(username));
	}

	/** A code for now that no earlier sign-in of this user used. */
	public static synchronized String nextCode(String username) {
		byte[] secret = SECRETS.get(key(username));
		if (secret == null) {
			throw new AssertionError("No authenticator for " + username + ": it enrolled outside the test helpers");
		}
		long step = Math.max(Totp.step(Instant.now()), LAST_STEP.getOrDefault(key(username), Long.MIN_VALUE) + 1);
		// the server accepts one step ahead of its clock; beyond that wait for the clock to catch up
		while (step > Totp.step(Instant.now()) + 1) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		LAST_STEP.put(key(username), step);
		return Totp.code(secret, step, Totp.DIGITS);
	}

	/** Six digits that are no code of this user's around now. */
	public static String wrongCode(String username) {
		byte[] secret = SECRETS.get(key(username));
		long now = Totp.step(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			boolean right = false;
			for (long step = now - 2; step <= now + 2; step++) {
				right |= Totp.code(secret, step, Totp.DIGITS).equals(code);
			}
			if (!right) {
				return code;
			}
		}
	}

	private static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
