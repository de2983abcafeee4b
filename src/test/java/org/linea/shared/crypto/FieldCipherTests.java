package org.linea.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

	private static SecretKey key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	@Test
	void encryptsSoTheNumberIsNotInTheStoredBytesAndDecryptsBack() {
		FieldCipher cipher = new FieldCipher(1, Map.of(1, key()));
		byte[] stored = cipher.encrypt("+51987654343");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("987654343");
		assertThat(cipher.decryptToString(stored)).isEqualTo("+51987654343");
	}

	@Test
	void theSameNumberEncryptsDifferentlyEachTime() {
		FieldCipher cipher = new FieldCipher(1, Map.of(1, key()));
		assertThat(cipher.encrypt("+51987654343")).isNotEqualTo(cipher.encrypt("+51987654343"));
	}

	@Test
	void refusesTamperedData() {
		FieldCipher cipher = new FieldCipher(1, Map.of(1, key()));
		byte[] stored = cipher.encrypt("María");
		stored[stored.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void readsDataWrittenWithThePreviousKeyDuringARotation() {
		SecretKey old = key();
		byte[] written = new FieldCipher(1, Map.of(1, old)).encrypt("+51987654343");
		FieldCipher rotated = new FieldCipher(2, Map.of(1, old, 2, key()));
		assertThat(rotated.decryptToString(written)).isEqualTo("+51987654343");
		assertThat(rotated.needsRotation(written)).isTrue();
		assertThat(rotated.needsRotation(rotated.encrypt("x"))).isFalse();
	}

	@Test
	void aWrongKeyCannotRead() {
		byte[] written = new FieldCipher(1, Map.of(1, key())).encrypt("+51987654343");
		assertThatThrownBy(() -> new FieldCipher(1, Map.of(1, key())).decrypt(written)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void keyedHashIsStableAndDependsOnTheKey() {
		KeyedHash one = new KeyedHash(new SecretKeySpec(new byte[32], "HmacSHA256"));
		KeyedHash other = new KeyedHash(new SecretKeySpec(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, "HmacSHA256"));
		assertThat(one.hash("+51987654343")).isEqualTo(one.hash("+51987654343")).isNotEqualTo(other.hash("+51987654343"));
	}

}
