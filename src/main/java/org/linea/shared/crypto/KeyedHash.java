package org.linea.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA256 of an identifier, so a phone number can be looked up without being stored in clear
 * and without being guessable from a plain hash.
 */
public final class KeyedHash {

	/** A MAC per thread with this key: {@code doFinal} leaves it ready for the next value. */
	private final ThreadLocal<Mac> macs;

	public KeyedHash(SecretKey key) {
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
			}
		});
	}

	public byte[] hash(String value) {
		return this.macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

}
