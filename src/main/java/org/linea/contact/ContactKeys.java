package org.linea.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.linea.shared.crypto.AesGcm;
import org.linea.shared.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Envelope encryption per person (crypto-shredding). Each line and number gets a random AES-256 data
 * key, stored only wrapped by the master key ({@link FieldCipher}). Data encrypted with it is
 * {@code [0][data key id: 8 bytes][nonce: 12 bytes][ciphertext + tag]}; the leading zero tells it from
 * a master-key ciphertext (key ids 1..255), which still decrypts as before. Deleting the data key makes
 * every copy of that person's ciphertexts unreadable; a master-key rotation re-wraps only these keys.
 */
@Service
public class ContactKeys {

	private static final byte ENVELOPE = 0;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldCipher master;

	ContactKeys(JdbcClient jdbc, FieldCipher master) {
		this.jdbc = jdbc;
		this.master = master;
	}

	/** The data key of this number on this line, made on first use. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long keyFor(long lineId, byte[] phoneHash) {
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		this.jdbc.sql("insert into contact_data_key (line_id, phone_hash, wrapped_key) values (?, ?, ?) on conflict (line_id, phone_hash) do nothing")
			.params(lineId, phoneHash, this.master.encrypt(key))
			.update();
		return this.jdbc.sql("select id from contact_data_key where line_id = ? and phone_hash = ?")
			.params(lineId, phoneHash)
			.query(Long.class)
			.single();
	}

	public byte[] encrypt(long keyId, String plaintext) {
		return plaintext == null ? null : encrypt(keyId, plaintext.getBytes(StandardCharsets.UTF_8));
	}

	public byte[] encrypt(long keyId, byte[] plaintext) {
		return sealer(keyId).seal(plaintext);
	}

	/**
	 * The sealer of this number's data key on this line, the key made on first use: one statement where
	 * {@link #keyFor} and {@link #sealer} take three.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Sealer sealerFor(long lineId, byte[] phoneHash) {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		Optional<Sealer> found = this.jdbc.sql("""
				with made as (
				    insert into contact_data_key (line_id, phone_hash, wrapped_key) values (?, ?, ?)
				    on conflict (line_id, phone_hash) do nothing
				    returning id, wrapped_key)
				select id, wrapped_key from made
				union all
				select id, wrapped_key from contact_data_key where line_id = ? and phone_hash = ? and not exists (select 1 from made)
				""")
			.params(lineId, phoneHash, this.master.encrypt(fresh), lineId, phoneHash)
			.query((rs, n) -> new Sealer(rs.getLong(1), this.master.decrypt(rs.getBytes(2))))
			.optional();
		// empty when another transaction made the key after this statement's snapshot: a new statement sees it
		return found.orElseGet(() -> sealer(keyFor(lineId, phoneHash)));
	}

	/**
	 * The sealers of these numbers' data keys on one line, in the order given, each key made on first
	 * use: one statement for all of them (a batch of webhooks from many people).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Sealer> sealersFor(long lineId, List<byte[]> phoneHashes) {
		TreeSet<byte[]> distinct = new TreeSet<>(Arrays::compareUnsigned);
		distinct.addAll(phoneHashes);
		List<byte[]> sorted = List.copyOf(distinct);
		byte[][] wrapped = new byte[sorted.size()][];
		// a key made by this statement is used as made: only the keys found are unwrapped
		Map<ByteBuffer, byte[]> made = new HashMap<>();
		for (int i = 0; i < wrapped.length; i++) {
			byte[] fresh = new byte[32];
			this.random.nextBytes(fresh);
			wrapped[i] = this.master.encrypt(fresh);
			made.put(ByteBuffer.wrap(sorted.get(i)), fresh);
		}
		// inserted in hash order, so two batches making keys for the same people cannot deadlock
		Map<ByteBuffer, Sealer> found = new HashMap<>();
		this.jdbc.sql("""
				with wanted as (select * from unnest(?::bytea[], ?::bytea[]) as w (phone_hash, wrapped_key)),
				made as (
				    insert into contact_data_key (line_id, phone_hash, wrapped_key)
				    select ?, phone_hash, wrapped_key from wanted order by phone_hash
				    on conflict (line_id, phone_hash) do nothing
				    returning id, phone_hash)
				select id, phone_hash, null::bytea from made
				union all
				select k.id, k.phone_hash, k.wrapped_key from contact_data_key k join wanted w on w.phone_hash = k.phone_hash
				where k.line_id = ? and not exists (select 1 from made m where m.phone_hash = k.phone_hash)
				""")
			.params(sorted.toArray(byte[][]::new), wrapped, lineId, lineId)
			.query((rs, n) -> {
				ByteBuffer hash = ByteBuffer.wrap(rs.getBytes(2));
				byte[] stored = rs.getBytes(3);
				return found.put(hash, new Sealer(rs.getLong(1), stored == null ? made.get(hash) : this.master.decrypt(stored)));
			})
			.list();
		// missing when another transaction made the key after this statement's snapshot, as in sealerFor
		return phoneHashes.stream().map(hash -> found.computeIfAbsent(ByteBuffer.wrap(hash), missing -> sealerFor(lineId, hash))).toList();
	}

	/**
	 * Encrypts several values with one data key, reading the key once (a webhook seals its payload and
	 * each field of the message with the sender's key).
	 */
	public Sealer sealer(long keyId) {
		byte[] key = unwrap(keyId).orElseThrow(() -> new IllegalStateException("Data key " + keyId + " was destroyed"));
		return new Sealer(keyId, key);
	}

	/** One unwrapped data key, for the values of one unit of work; not to be kept beyond it. */
	public final class Sealer {

		private final long keyId;

		private final byte[] key;

		private Sealer(long keyId, byte[] key) {
			this.keyId = keyId;
			this.key = key;
		}

		public long keyId() {
			return this.keyId;
		}

		public byte[] seal(String plaintext) {
			return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8));
		}

		public byte[] seal(byte[] plaintext) {
			byte[] nonce = new byte[NONCE_BYTES];
			ContactKeys.this.random.nextBytes(nonce);
			try {
				Cipher cipher = AesGcm.cipher();
				cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
				byte[] sealed = cipher.doFinal(plaintext);
				return ByteBuffer.allocate(1 + 8 + NONCE_BYTES + sealed.length).put(ENVELOPE).putLong(this.keyId).put(nonce).put(sealed).array();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Encryption failed", ex);
			}
		}

	}

	/** The plaintext, or empty when its data key was destroyed (the person was erased). */
	public Optional<byte[]> decrypt(byte[] ciphertext) {
		if (ciphertext == null) {
			return Optional.empty();
		}
		if (ciphertext.length == 0 || ciphertext[0] != ENVELOPE) {
			return Optional.of(this.master.decrypt(ciphertext));
		}
		ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
		buffer.get();
		long keyId = buffer.getLong();
		return unwrap(keyId).map(key -> {
			try {
				Cipher cipher = AesGcm.cipher();
				cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, ciphertext, 9, NONCE_BYTES));
				return cipher.doFinal(ciphertext, 9 + NONCE_BYTES, ciphertext.length - 9 - NONCE_BYTES);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
			}
		});
	}

	/** The text, or null when there is none or its key was destroyed. */
	public String decryptToString(byte[] ciphertext) {
		return decrypt(ciphertext).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
	}

	/** Deletes the data key of this number on this line: whatever it encrypted is unreadable from now on. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int destroy(long lineId, byte[] phoneHash) {
		if (phoneHash == null) {
			return 0;
		}
		return this.jdbc.sql("delete from contact_data_key where line_id = ? and phone_hash = ?").params(lineId, phoneHash).update();
	}

	/**
	 * After a master-key rotation (new key configured as current, the old one under previous keys):
	 * re-wraps every data key still wrapped by an older master key. The data itself is not touched.
	 */
	@Transactional
	public int rewrap() {
		List<Wrapped> stale = this.jdbc.sql("select id, wrapped_key from contact_data_key")
			.query((rs, n) -> new Wrapped(rs.getLong(1), rs.getBytes(2)))
			.list()
			.stream()
			.filter(wrapped -> this.master.needsRotation(wrapped.key()))
			.toList();
		stale.forEach(wrapped -> this.jdbc.sql("update contact_data_key set wrapped_key = ? where id = ?")
			.params(this.master.encrypt(this.master.decrypt(wrapped.key())), wrapped.id())
			.update());
		return stale.size();
	}

	private Optional<byte[]> unwrap(long keyId) {
		return this.jdbc.sql("select wrapped_key from contact_data_key where id = ?")
			.param(keyId)
			.query((rs, n) -> this.master.decrypt(rs.getBytes(1)))
			.optional();
	}

	private record Wrapped(long id, byte[] key) {
	}

}
