package org.linea.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Remembers wrong passwords to slow password guessing (see {@link LoginThrottle}): after five wrong
 * passwords for one user from one address within 15 minutes, that address may not try that user
 * again until the window passes. Keyed by user and address, so nobody can lock a colleague out from
 * elsewhere. Per node, in memory, bounded.
 */
@Component
class LoginFailures {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int MAX_TRACKED = 10_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginFailures(Clock clock) {
		this.clock = clock;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			if (this.failures.size() >= MAX_TRACKED) {
				this.failures.clear();
			}
			Deque<Instant> times = this.failures.computeIfAbsent(key(event.getAuthentication().getName(), details.getRemoteAddress()),
					k -> new ArrayDeque<>());
			synchronized (times) {
				times.addLast(Instant.now(this.clock));
				while (times.size() > MAX_FAILURES) {
					times.removeFirst();
				}
			}
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.failures.remove(key(event.getAuthentication().getName(), details.getRemoteAddress()));
		}
	}

	boolean isThrottled(String key) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			Instant since = Instant.now(this.clock).minus(WINDOW);
			times.removeIf(t -> t.isBefore(since));
			return times.size() >= MAX_FAILURES;
		}
	}

	static String key(String username, String address) {
		return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
	}

}
