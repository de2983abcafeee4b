package org.linea.web.throttle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.web.SecurityProperties;
import org.linea.web.SecurityProperties.Limit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, counted in the database for every node. Wrong passwords are counted per
 * client address, per user, and per user from that address. Before a password is checked: an address
 * with too many wrong passwords, or too many for this user, is refused; a user with too many wrong
 * passwords from anywhere is only slowed, so nobody can lock a colleague out by guessing.
 * Only the password step is counted (a second factor keeps its own count).
 */
@Component
public class SignInThrottle {

	private static final String ADDRESS = "sign-in-address";

	private static final String ACCOUNT = "sign-in-account";

	private static final String PAIR = "sign-in-account-address";

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final RateLimitStore store;

	private final SecurityProperties.SignIn settings;

	SignInThrottle(RateLimitStore store, SecurityProperties properties) {
		this.store = store;
		this.settings = properties.signIn();
	}

	/** What to do with a sign-in attempt, before its password is checked. */
	public Verdict verdict(String username, String clientAddress) {
		String user = normalise(username);
		String address = addressKey(clientAddress);
		if (!this.store.peek(ADDRESS, address, limit(this.settings.perAddress())).allowed()
				|| !this.store.peek(PAIR, user + "|" + address, limit(this.settings.perAccountAndAddress())).allowed()) {
			return Verdict.REFUSE;
		}
		return this.store.peek(ACCOUNT, user, limit(this.settings.perAccount())).allowed() ? Verdict.ALLOW : Verdict.SLOW;
	}

	public Duration slowdown() {
		return this.settings.accountDelay();
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt
				&& attempt.getDetails() instanceof WebAuthenticationDetails details) {
			String user = normalise(attempt.getName());
			String address = addressKey(details.getRemoteAddress());
			this.store.count(ADDRESS, address, limit(this.settings.perAddress()));
			this.store.count(ACCOUNT, user, limit(this.settings.perAccount()));
			this.store.count(PAIR, user + "|" + address, limit(this.settings.perAccountAndAddress()));
		}
	}

	/** The right password clears what was held against the user; the address keeps its count. */
	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			String user = normalise(event.getAuthentication().getName());
			this.store.forget(ACCOUNT, user, limit(this.settings.perAccount()));
			this.store.forget(PAIR, user + "|" + addressKey(details.getRemoteAddress()), limit(this.settings.perAccountAndAddress()));
		}
	}

	private Limit limit(int failures) {
		return new Limit(failures, this.settings.window());
	}

	/**
	 * What an address is counted as: IPv4 as it is, IPv6 by its /64 network (one home or server
	 * usually holds a whole /64, so counting single addresses would let it try without end).
	 */
	static String addressKey(String address) {
		if (address == null || !IPV6_LITERAL.matcher(address).matches()) {
			return address == null ? "" : address;
		}
		try {
			// a literal with a colon is parsed, never looked up in DNS
			InetAddress parsed = InetAddress.getByName(address);
			byte[] bytes = parsed.getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static String normalise(String username) {
		String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return user.length() > 200 ? user.substring(0, 200) : user;
	}

	public enum Verdict {

		ALLOW, SLOW, REFUSE

	}

	/** Applies the verdict on {@code POST /login}, before the password is checked. */
	public static final class Filter extends org.springframework.web.filter.OncePerRequestFilter {

		private final SignInThrottle throttle;

		public Filter(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			switch (this.throttle.verdict(request.getParameter("username"), request.getRemoteAddr())) {
				case REFUSE -> {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
					return;
				}
				case SLOW -> pause(this.throttle.slowdown());
				case ALLOW -> {
				}
			}
			chain.doFilter(request, response);
		}

		private static void pause(Duration delay) throws ServletException {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ServletException("Interrupted while slowing a sign-in", ex);
			}
		}

	}

}
