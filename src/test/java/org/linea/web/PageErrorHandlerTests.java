package org.linea.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused post without a declared page goes back to the page it came from, never to another site. */
class PageErrorHandlerTests {

	@Test
	void theRefererIsFollowedOnlyWithinLinea() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/teams/lima");
		request.setServerName("linea.example.org");

		assertThat(PageErrorHandler.sameApplication("https://linea.example.org/teams?line=lima", request)).isEqualTo("/teams?line=lima");
		assertThat(PageErrorHandler.sameApplication("/inbox/conversations/7", request)).isEqualTo("/inbox/conversations/7");
		assertThat(PageErrorHandler.sameApplication("https://evil.example.com/teams", request)).isNull();
		assertThat(PageErrorHandler.sameApplication("//evil.example.com/teams", request)).isNull();
		assertThat(PageErrorHandler.sameApplication("not a uri", request)).isNull();
		assertThat(PageErrorHandler.sameApplication(null, request)).isNull();

		request.setContextPath("/linea");
		assertThat(PageErrorHandler.sameApplication("https://linea.example.org/linea/admin", request)).isEqualTo("/admin");
		assertThat(PageErrorHandler.sameApplication("https://linea.example.org/other/admin", request)).isNull();
	}

}
