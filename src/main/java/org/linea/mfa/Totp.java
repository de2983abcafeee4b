package org.linea.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as every authenticator app makes them:
 * HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits.
 */
public final class Totp {

	public static final int DIGITS = 6;

	public static final long STEP_SECONDS = 30;

	/** Codes of the step before and after are accepted too, for clocks a little apart and slow typing. */
	static final int WINDOW = 1;

	private Totp() {
	}

	public static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for one step (RFC 4226 section 5.3: dynamic truncation, then the last {@code digits} decimal digits). */
	public static String code(byte[] key, long step, int digits) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 unavailable", ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		int otp = binary % (int) Math.pow(10, digits);
		return String.format("%0" + digits + "d", otp);
	}

	public static String code(byte[] key, Instant time) {
		return code(key, step(time), DIGITS);
	}

	/** The step whose code this is, within the window around {@code now}; empty when it matches none. */
	static OptionalLong matchingStep(byte[] key, String code, Instant now) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		long found = Long.MIN_VALUE;
		// every candidate is computed and compared in constant time, so timing tells nothing about which matched
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (MessageDigest.isEqual(given, code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII))) {
				found = Math.max(found, step);
			}
		}
		return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
	}

}
