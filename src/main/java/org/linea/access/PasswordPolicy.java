package org.linea.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.linea.shared.Messages;

import org.springframework.stereotype.Component;

/**
 * What a password must be (OWASP ASVS 6.2): 12 to 128 characters of any kind (15 or more
 * recommended), no composition rules, not one of the passwords people choose most often (the
 * bundled {@code security/common-passwords.txt}, made by {@code scripts/common-passwords.py}), and
 * not containing the username. Checked wherever a password is set.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int RECOMMENDED_LENGTH = 15;

	public static final int MAX_LENGTH = 128;

	/** The decorations people put around a common word: digits, punctuation, spaces. */
	private static final Pattern DECORATION = Pattern.compile("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$");

	private final Set<String> common;

	private final Messages messages;

	PasswordPolicy(Messages messages) {
		this.messages = messages;
		this.common = load("/security/common-passwords.txt");
	}

	/** Refuses, with the reason in the reader's language, a password this user may not have. */
	public void check(String username, String password) {
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw this.messages.invalid("security.password.length", MIN_LENGTH, MAX_LENGTH, RECOMMENDED_LENGTH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (isCommon(lower)) {
			throw this.messages.invalid("security.password.common");
		}
		if (containsUsername(lower, username)) {
			throw this.messages.invalid("security.password.username");
		}
	}

	boolean isCommon(String lowercase) {
		String core = DECORATION.matcher(lowercase).replaceAll("");
		return this.common.contains(lowercase) || this.common.contains(lowercase.strip())
				|| (core.length() >= 4 && this.common.contains(core));
	}

	private static boolean containsUsername(String lowercase, String username) {
		if (username == null) {
			return false;
		}
		String name = username.strip().toLowerCase(Locale.ROOT);
		int at = name.indexOf('@');
		String local = at > 0 ? name.substring(0, at) : name;
		return (name.length() >= 3 && lowercase.contains(name)) || (local.length() >= 3 && lowercase.contains(local));
	}

	private static Set<String> load(String resource) {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The list of common passwords is missing: " + resource);
			}
			Set<String> words = new HashSet<>();
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
