package org.linea.shared.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.linea.shared.LineaProperties;
import org.linea.shared.db.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the cipher and keyed hash from configured keys. In the embedded default, keys are generated
 * once and kept in {@code <data-dir>/keys/linea-keys.properties} (owner-only); with an external
 * database, keys must be configured, and Linea refuses to start without them.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

	@Bean
	KeyMaterial keyMaterial(CryptoProperties crypto, DatabaseProperties db, LineaProperties linea) {
		if (crypto.isConfigured()) {
			return KeyMaterial.from(crypto);
		}
		if (!db.isEmbedded()) {
			throw new IllegalStateException("LINEA_CRYPTO_ENCRYPTION_KEY and LINEA_CRYPTO_HASH_KEY must be set "
					+ "when Linea uses an external database (base64 of 32 random bytes each, e.g. `openssl rand -base64 32`)");
		}
		return KeyMaterial.from(generatedKeys(Path.of(linea.dataDir(), "keys", "linea-keys.properties"), crypto));
	}

	@Bean
	FieldCipher fieldCipher(KeyMaterial keys) {
		return new FieldCipher(keys.currentKeyId(), keys.encryptionKeys());
	}

	@Bean
	KeyedHash keyedHash(KeyMaterial keys) {
		return new KeyedHash(keys.hashKey());
	}

	private static CryptoProperties generatedKeys(Path file, CryptoProperties configured) {
		try {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (Reader reader = Files.newBufferedReader(file)) {
					stored.load(reader);
				}
			}
			else {
				Files.createDirectories(file.getParent());
				stored.setProperty("encryption-key", randomKey());
				stored.setProperty("hash-key", randomKey());
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				try (Writer writer = Files.newBufferedWriter(file)) {
					stored.store(writer, "Linea keys for the embedded database. Back them up with ./data; without them the data cannot be read.");
				}
				log.info("Generated encryption keys in {}", file);
			}
			return new CryptoProperties(stored.getProperty("encryption-key"), configured.encryptionKeyId(),
					configured.previousEncryptionKeys(), stored.getProperty("hash-key"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	record KeyMaterial(int currentKeyId, Map<Integer, SecretKey> encryptionKeys, SecretKey hashKey) {

		static KeyMaterial from(CryptoProperties crypto) {
			Map<Integer, SecretKey> keys = new HashMap<>();
			crypto.previousEncryptionKeys().forEach((id, key) -> keys.put(id, aesKey(key)));
			keys.put(crypto.encryptionKeyId(), aesKey(crypto.encryptionKey()));
			return new KeyMaterial(crypto.encryptionKeyId(), keys, new SecretKeySpec(decode(crypto.hashKey(), "hash"), "HmacSHA256"));
		}

		private static SecretKey aesKey(String base64) {
			return new SecretKeySpec(decode(base64, "encryption"), "AES");
		}

		private static byte[] decode(String base64, String which) {
			byte[] bytes = Base64.getDecoder().decode(base64.trim());
			if (bytes.length != 32) {
				throw new IllegalStateException("The " + which + " key must be base64 of exactly 32 bytes");
			}
			return bytes;
		}

	}

}
