package org.linea.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.linea.shared.crypto.KeyedHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use codes for signing in without the authenticator app. Shown once; only a keyed hash of
 * each is stored, so a copy of the database does not reveal them.
 */
@Service
class RecoveryCodes {

	static final int COUNT = 10;

	/** No 0/o, 1/i/l: the codes are read off paper. 31^10 is about 2^49. */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final int LENGTH = 10;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final KeyedHash hash;

	RecoveryCodes(JdbcClient jdbc, KeyedHash hash) {
		this.jdbc = jdbc;
		this.hash = hash;
	}

	/** Replaces the user's codes with new ones and returns them, formatted {@code abcde-fghjk}. */
	@Transactional
	List<String> replace(long userId) {
		this.jdbc.sql("delete from mfa_recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder(LENGTH);
			for (int c = 0; c < LENGTH; c++) {
				code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			this.jdbc.sql("insert into mfa_recovery_code (user_id, code_hash) values (?, ?)")
				.params(userId, hashOf(userId, code.toString()))
				.update();
			codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
		}
		return codes;
	}

	/** Uses up the code if it is one of the user's unused ones; each code works once. */
	@Transactional
	boolean use(long userId, String typed) {
		String code = normalise(typed);
		if (code.length() != LENGTH) {
			return false;
		}
		return this.jdbc.sql("update mfa_recovery_code set used_at = now() where user_id = ? and code_hash = ? and used_at is null")
			.params(userId, hashOf(userId, code))
			.update() == 1;
	}

	@Transactional(readOnly = true)
	int left(long userId) {
		return this.jdbc.sql("select count(*) from mfa_recovery_code where user_id = ? and used_at is null")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	@Transactional
	void removeAll(long userId) {
		this.jdbc.sql("delete from mfa_recovery_code where user_id = ?").param(userId).update();
	}

	static boolean looksLikeOne(String typed) {
		return typed != null && normalise(typed).length() == LENGTH;
	}

	private static String normalise(String typed) {
		return typed == null ? "" : typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private byte[] hashOf(long userId, String code) {
		return this.hash.hash("mfa-recovery-code|" + userId + "|" + code);
	}

}
