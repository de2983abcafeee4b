package org.linea.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data stored in the database. A ciphertext is
 * {@code [key id: 1 byte][nonce: 12 bytes][ciphertext + 16-byte tag]}, so data written with an older
 * key still decrypts while a rotation re-encrypts it.
 */
public final class FieldCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final int currentKeyId;

	private final Map<Integer, SecretKey> keys;

	public FieldCipher(int currentKeyId, Map<Integer, SecretKey> keys) {
		if (currentKeyId < 1 || currentKeyId > 255 || !keys.containsKey(currentKeyId)) {
			throw new IllegalArgumentException("The current encryption key id must be 1..255 and have a key");
		}
		this.currentKeyId = currentKeyId;
		this.keys = Map.copyOf(keys);
	}

	public byte[] encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
	}

	public byte[] encrypt(byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = AesGcm.cipher();
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
				.put((byte) this.currentKeyId)
				.put(nonce)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decryptToString(byte[] ciphertext) {
		return ciphertext == null ? null : new String(decrypt(ciphertext), StandardCharsets.UTF_8);
	}

	public byte[] decrypt(byte[] ciphertext) {
		if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("Not a Linea ciphertext");
		}
		int keyId = Byte.toUnsignedInt(ciphertext[0]);
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("No encryption key with id " + keyId + " is configured");
		}
		try {
			Cipher cipher = AesGcm.cipher();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
			return cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
		}
	}

	/** Whether this value was written with an older key and should be re-encrypted. */
	public boolean needsRotation(byte[] ciphertext) {
		return ciphertext != null && Byte.toUnsignedInt(ciphertext[0]) != this.currentKeyId;
	}

}
