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

	private final SecretKey key;

	public KeyedHash(SecretKey key) {
		this.key = key;
	}

	public byte[] hash(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

}
