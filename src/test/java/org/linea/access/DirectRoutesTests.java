package org.linea.access;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Only a public webhook route is served before the dispatch; anything else stops the start or goes down the chain. */
class DirectRoutesTests {

	@Test
	void aRouteThatNeedsASignedInUserIsNeverServedDirectly() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> DirectRoutes.routes(mapping("/webhooks/x/{lineKey}", new Private(), "receive")))
			.withMessageContaining("Permission.PUBLIC");
	}

	@Test
	void aRouteWithoutPermissionIsNeverServedDirectly() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> DirectRoutes.routes(mapping("/webhooks/x/{lineKey}", new Undeclared(), "receive")))
			.withMessageContaining("Permission.PUBLIC");
	}

	@Test
	void onlyWebhooksAreServedDirectly() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> DirectRoutes.routes(mapping("/login/{lineKey}", new Public(), "receive")))
			.withMessageContaining("not a webhook");
	}

	@Test
	void aPublicWebhookIsServedWithItsPathVariableAndWhatElseComesGoesDownTheChain() throws Exception {
		DirectRoutes filter = new DirectRoutes(new StaticListableBeanFactory().getBeanProvider(
				org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class), null);
		Public handler = new Public();
		filter.use(DirectRoutes.routes(mapping("/webhooks/x/{lineKey}", handler, "receive")));

		MockHttpServletResponse served = new MockHttpServletResponse();
		MockFilterChain servedChain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("POST", "/webhooks/x/line-1"), served, servedChain);
		assertThat(served.getStatus()).isEqualTo(202);
		assertThat(served.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'");
		assertThat(handler.lineKey).isEqualTo("line-1");
		assertThat(servedChain.getRequest()).as("not passed on").isNull();

		for (MockHttpServletRequest other : List.of(new MockHttpServletRequest("GET", "/webhooks/x/line-1"),
				new MockHttpServletRequest("POST", "/webhooks/x/line-1/more"), new MockHttpServletRequest("POST", "/webhooks/x/line;1"),
				new MockHttpServletRequest("POST", "/webhooks/x/%2e%2e"))) {
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(other, new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(other.getMethod() + " " + other.getRequestURI()).isSameAs(other);
		}
	}

	private static Map<RequestMappingInfo, HandlerMethod> mapping(String pattern, Object controller, String name) throws Exception {
		Method method = controller.getClass().getDeclaredMethod(name, String.class, HttpServletRequest.class);
		return Map.of(RequestMappingInfo.paths(pattern).methods(RequestMethod.POST).build(), new HandlerMethod(controller, method));
	}

	@Requires(Permission.SIGNED_IN)
	static class Private {

		@ServedDirectly
		ResponseEntity<Void> receive(@PathVariable String lineKey, HttpServletRequest request) {
			return ResponseEntity.ok().build();
		}

	}

	static class Undeclared {

		@ServedDirectly
		ResponseEntity<Void> receive(@PathVariable String lineKey, HttpServletRequest request) {
			return ResponseEntity.ok().build();
		}

	}

	@Requires(Permission.PUBLIC)
	static class Public {

		String lineKey;

		@ServedDirectly
		ResponseEntity<Void> receive(@PathVariable String lineKey, HttpServletRequest request) {
			this.lineKey = lineKey;
			return ResponseEntity.accepted().build();
		}

	}

}
