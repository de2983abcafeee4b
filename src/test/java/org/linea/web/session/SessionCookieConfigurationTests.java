package org.linea.web.session;

import org.junit.jupiter.api.Test;
import org.linea.shared.LineaProperties;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieConfigurationTests {

	private static String sessionCookie(String publicUrl) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		new SessionCookieConfiguration().secureCookieOverHttps(new LineaProperties(null, null, publicUrl)).customize(serializer);
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		serializer.writeCookieValue(new CookieValue(request, response, "id"));
		return response.getHeader("Set-Cookie");
	}

	@Test
	void theSessionCookieIsSecureWhenLineaIsReachedOverHttps() {
		assertThat(sessionCookie("https://linea.example.org")).contains("Secure");
		assertThat(sessionCookie("HTTPS://linea.example.org")).contains("Secure");
	}

	@Test
	void notOverPlainHttpOnALaptop() {
		assertThat(sessionCookie("http://localhost:8080")).doesNotContain("Secure");
	}

}
