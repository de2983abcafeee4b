package org.linea.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.channel.TemplateSource.TemplateSyncException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both providers' template listings are read page after page, with their credentials kept to the API's own origin. */
class TemplateListingTests {

	private HttpServer server;

	private String origin;

	private final AtomicInteger calls = new AtomicInteger();

	/** What the page at /page/{n} names as the next one. */
	private volatile java.util.function.IntFunction<String> nextOf = n -> n < 3 ? "/page/" + (n + 1) : null;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/page/", exchange -> {
			this.calls.incrementAndGet();
			int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/page/".length()));
			String next = this.nextOf.apply(n);
			String target = next == null ? "null" : "\"" + (next.startsWith("/") ? this.origin + next : next) + "\"";
			byte[] body = ("{\"item\": " + n + ", \"next\": " + target + ", \"auth\": \"" + exchange.getRequestHeaders().getFirst("Authorization")
					+ "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(n == 0 ? 401 : 200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.origin = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void readsEveryPageWithTheCredentialsUntilNoneIsNamed() throws Exception {
		List<String> read = new ArrayList<>();
		listing().pages(this.origin + "/page/1", root -> root.path("next").asString(null),
				root -> read.add(root.path("item").asInt() + ":" + root.path("auth").asString()));
		assertThat(read).containsExactly("1:Bearer secret", "2:Bearer secret", "3:Bearer secret");
	}

	@Test
	void aNextPageOnAnotherOriginIsRefusedBeforeTheCredentialsGoThere() {
		this.nextOf = n -> "http://other.invalid/page/2";
		assertThatThrownBy(() -> listing().pages(this.origin + "/page/1", root -> root.path("next").asString(null), root -> {
		})).isInstanceOf(TemplateSyncException.class).hasMessage("The Test API's next page is not on its own address");
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void aListingThatNeverEndsIsCutOffAtThePageLimit() {
		this.nextOf = n -> "/page/" + (n + 1);
		assertThatThrownBy(() -> listing().pages(this.origin + "/page/1", root -> root.path("next").asString(null), root -> {
		})).isInstanceOf(TemplateSyncException.class);
		assertThat(this.calls).hasValue(TemplateListing.MAX_PAGES);
	}

	@Test
	void aRefusalCarriesTheProvidersErrorText() {
		assertThatThrownBy(() -> listing().get(this.origin + "/page/0")).isInstanceOf(TemplateSyncException.class)
			.hasMessage("HTTP 401 refused: Bearer secret");
	}

	private TemplateListing listing() {
		return new TemplateListing(new ProviderHttp(new ChannelProperties(null, null, null, null, null, null, null, null, null, null)), JsonMapper.builder().build(),
				"Test API", this.origin, "Bearer secret", root -> "refused:\n " + root.path("auth").asString());
	}

}
