package org.linea.shared.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;

/**
 * An AES-GCM cipher per thread, initialised anew (key and fresh nonce) for every value. Looking one up
 * for each value ({@code Cipher.getInstance}) went through the provider's service table each time:
 * with a webhook sealing four values and wrapping a key, a visible share of the ack path's CPU and
 * allocation (bench/README "Ingest", session 11).
 */
public final class AesGcm {

	private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM unavailable", ex);
		}
	});

	private AesGcm() {
	}

	/** This thread's cipher, to be initialised by the caller before use and used before the next call. */
	public static Cipher cipher() {
		return CIPHERS.get();
	}

}
