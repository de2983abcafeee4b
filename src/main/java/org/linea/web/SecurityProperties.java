package org.linea.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * Sessions, proxies and rate limits.
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers
 * are believed (with {@code server.forward-headers-strategy=framework}); anyone else's are removed
 * @param session how long a signed-in session may last
 * @param signIn how wrong passwords are throttled
 * @param rateLimits limits on revealing numbers, exports and the API
 */
@ConfigurationProperties("linea.security")
public record SecurityProperties(List<String> trustedProxies, Session session, SignIn signIn, RateLimits rateLimits) {

	public SecurityProperties {
		trustedProxies = trustedProxies == null ? List.of("127.0.0.1/8", "::1") : List.copyOf(trustedProxies);
		session = session == null ? new Session(null) : session;
		signIn = signIn == null ? new SignIn(null, null, null, null, null) : signIn;
		rateLimits = rateLimits == null ? new RateLimits(null, null, null) : rateLimits;
	}

	/** @param absoluteTimeout a session ends this long after sign-in, however active (the idle timeout is {@code server.servlet.session.timeout}) */
	public record Session(Duration absoluteTimeout) {

		public Session {
			absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
		}

	}

	/**
	 * @param window wrong passwords are counted over this period
	 * @param perAccountAndAddress wrong passwords for one user from one address before that address may not try that user
	 * @param perAddress wrong passwords from one address (any users) before that address may not sign in at all
	 * @param perAccount wrong passwords for one user (from anywhere) before each further attempt for that user is slowed
	 * @param accountDelay how long a slowed attempt waits before its password is checked (the account is never locked)
	 */
	public record SignIn(Duration window, Integer perAccountAndAddress, Integer perAddress, Integer perAccount,
			Duration accountDelay) {

		public SignIn {
			window = window == null ? Duration.ofMinutes(15) : window;
			perAccountAndAddress = perAccountAndAddress == null ? 5 : perAccountAndAddress;
			perAddress = perAddress == null ? 20 : perAddress;
			perAccount = perAccount == null ? 10 : perAccount;
			accountDelay = accountDelay == null ? Duration.ofSeconds(3) : accountDelay;
		}

	}

	/**
	 * @param reveal full numbers one user may reveal
	 * @param export exports (feedback log, weekly report, knowledge bank) one user may download
	 * @param api API calls one token may make
	 */
	public record RateLimits(Limit reveal, Limit export, Limit api) {

		public RateLimits {
			reveal = reveal == null ? new Limit(30, Duration.ofHours(1)) : reveal;
			export = export == null ? new Limit(30, Duration.ofHours(1)) : export;
			api = api == null ? new Limit(600, Duration.ofMinutes(1)) : api;
		}

	}

	/** At most {@code capacity} within {@code per}, given back gradually; written {@code 30/1h}. */
	public record Limit(int capacity, Duration per) {

		public Limit {
			if (capacity < 1 || per == null || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("A limit needs a capacity of at least 1 and a positive period");
			}
		}

		/** Reads {@code 30/1h}: 30 within an hour. */
		public static Limit parse(String text) {
			String[] parts = text.strip().split("/", 2);
			if (parts.length != 2) {
				throw new IllegalArgumentException("Write a limit as count/period, e.g. 30/1h, not '" + text + "'");
			}
			return new Limit(Integer.parseInt(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
		}

	}

}
