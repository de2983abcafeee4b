package org.linea.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersFromTrustedProxiesTests {

	private final ForwardedHeadersFromTrustedProxies filter = new ForwardedHeadersFromTrustedProxies(
			List.of("10.0.0.0/8", "192.168.1.5"));

	private HttpServletRequest seenByTheApplication(String peer, String forwardedFor) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(peer);
		request.addHeader("X-Forwarded-For", forwardedFor);
		request.addHeader("X-Forwarded-Proto", "https");
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen.set((HttpServletRequest) req);
			}
		});
		return seen.get();
	}

	@Test
	void aTrustedProxyTellsTheClientAddressAndScheme() throws Exception {
		HttpServletRequest request = seenByTheApplication("10.1.2.3", "203.0.113.7");
		assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.7");
		assertThat(request.isSecure()).isTrue();
	}

	@Test
	void whatTheClientPutAtTheStartOfTheListIsNotBelieved() throws Exception {
		// the client sent "X-Forwarded-For: 198.51.100.1"; its proxy appended the address it saw, then a second trusted proxy
		HttpServletRequest request = seenByTheApplication("10.1.2.3", "198.51.100.1, 203.0.113.7, 192.168.1.5");
		assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.7");
	}

	@Test
	void anyoneElsesForwardedHeadersAreRemoved() throws Exception {
		HttpServletRequest request = seenByTheApplication("203.0.113.50", "10.9.9.9");
		assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.50");
		assertThat(request.getHeader("X-Forwarded-For")).isNull();
		assertThat(request.isSecure()).isFalse();
	}

}
