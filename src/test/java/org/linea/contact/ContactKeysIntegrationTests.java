package org.linea.contact;

import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.shared.crypto.FieldCipher;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelope encryption: a destroyed data key makes its data unreadable; a master rotation re-wraps keys only. */
class ContactKeysIntegrationTests extends LineaIntegrationTest {

	@Autowired
	TransactionTemplate transactions;

	@Test
	void destroyingAPersonsKeyMakesEveryCopyUnreadableAndRotatingTheMasterKeyRewrapsOnlyTheDataKeys() {
		Line line = newLine(newOrganisation());
		SecretKey oldMaster = aesKey();
		SecretKey newMaster = aesKey();
		this.transactions.executeWithoutResult(status -> {
			// alone with this test's key: the installation's own keys are wrapped by another master key
			this.jdbc.sql("delete from contact_data_key").update();
			rotate(line, oldMaster, newMaster);
			status.setRollbackOnly();
		});
	}

	private void rotate(Line line, SecretKey oldMaster, SecretKey newMaster) {
		ContactKeys before = new ContactKeys(this.jdbc, new FieldCipher(1, Map.of(1, oldMaster)));
		byte[] phoneHash = randomBytes();
		long keyId = before.keyFor(line.id(), phoneHash);
		byte[] copy = before.encrypt(keyId, "+51987654321");
		assertThat(before.decryptToString(copy)).isEqualTo("+51987654321");

		ContactKeys rotating = new ContactKeys(this.jdbc, new FieldCipher(2, Map.of(1, oldMaster, 2, newMaster)));
		assertThat(rotating.rewrap()).isEqualTo(1);
		ContactKeys after = new ContactKeys(this.jdbc, new FieldCipher(2, Map.of(2, newMaster)));
		assertThat(after.decryptToString(copy)).as("the data was not re-encrypted, only its key re-wrapped").isEqualTo("+51987654321");
		assertThatThrownBy(() -> before.decryptToString(copy)).as("the old master key no longer opens the data key");

		after.destroy(line.id(), phoneHash);
		assertThat(after.decrypt(copy)).isEmpty();
	}

	private static SecretKey aesKey() {
		return new SecretKeySpec(randomBytes(), "AES");
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
