package org.linea.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Spring's forwarded-header support, believing only the configured reverse proxies: from them the
 * X-Forwarded-* headers set the client address, scheme and host; from anyone else they are removed, so
 * a client cannot pick the address its sign-in attempts are counted against. The client address is the
 * nearest address in X-Forwarded-For that is not itself a trusted proxy (a client may put anything at
 * the start of that list). The RFC 7239 {@code Forwarded} header is not used.
 */
final class ForwardedHeadersFromTrustedProxies extends ForwardedHeaderFilter {

	private static final String FOR = "X-Forwarded-For";

	private final List<IpAddressMatcher> proxies;

	private final ForwardedHeaderFilter removeOnly = new ForwardedHeaderFilter();

	ForwardedHeadersFromTrustedProxies(List<String> trustedProxies) {
		this.proxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(IpAddressMatcher::new).toList();
		this.removeOnly.setRemoveOnly(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isTrusted(request.getRemoteAddr())) {
			this.removeOnly.doFilter(request, response, chain);
			return;
		}
		super.doFilterInternal(new NearestClient(request, clientAddress(request)), response, chain);
	}

	private String clientAddress(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (Enumeration<String> values = request.getHeaders(FOR); values.hasMoreElements();) {
			for (String hop : values.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!isTrusted(hops.get(i)) || i == 0) {
				return hops.get(i);
			}
		}
		return null;
	}

	boolean isTrusted(String address) {
		try {
			return this.proxies.stream().anyMatch(proxy -> proxy.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The request with X-Forwarded-For reduced to the client address, and without {@code Forwarded}. */
	private static final class NearestClient extends HttpServletRequestWrapper {

		private final String client;

		NearestClient(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getHeader(String name) {
			if (FOR.equalsIgnoreCase(name)) {
				return this.client;
			}
			return "Forwarded".equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (FOR.equalsIgnoreCase(name)) {
				return this.client == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(this.client));
			}
			return "Forwarded".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>();
			for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements();) {
				String name = all.nextElement();
				if (!"Forwarded".equalsIgnoreCase(name) && !(FOR.equalsIgnoreCase(name) && this.client == null)) {
					names.add(name);
				}
			}
			return Collections.enumeration(names);
		}

	}

}
