package org.linea.shared.crypto;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that protect personal data at rest. Both are base64 of at least 32 random bytes.
 *
 * @param encryptionKey AES-256-GCM key for phone numbers, names and raw provider payloads
 * @param encryptionKeyId the id written in front of every ciphertext made with {@code encryptionKey}
 * @param previousEncryptionKeys older keys by id, still accepted for decryption during a rotation
 * @param hashKey HMAC-SHA256 key for lookups of phone numbers (never rotated without re-hashing)
 */
@ConfigurationProperties("linea.crypto")
public record CryptoProperties(String encryptionKey, Integer encryptionKeyId, Map<Integer, String> previousEncryptionKeys,
		String hashKey) {

	public CryptoProperties {
		if (encryptionKeyId == null) {
			encryptionKeyId = 1;
		}
		if (previousEncryptionKeys == null) {
			previousEncryptionKeys = Map.of();
		}
	}

	boolean isConfigured() {
		return encryptionKey != null && !encryptionKey.isBlank() && hashKey != null && !hashKey.isBlank();
	}

}
