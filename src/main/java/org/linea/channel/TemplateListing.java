package org.linea.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.function.Function;

import org.linea.channel.TemplateSource.TemplateSyncException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's paged JSON listing of templates, read with the line's credentials: each page from the
 * address the previous one names, only on the configured API's origin (so the credentials go nowhere
 * else), at most {@value #MAX_PAGES} pages; any refusal or unreadable answer fails the whole read.
 *
 * @param api the API's name in error texts ("Graph API")
 * @param origin the configured API address whose origin every page must be on
 * @param authorization the {@code Authorization} header sent with every call
 * @param errorText the provider's error text in a refusal's body
 */
public record TemplateListing(ProviderHttp http, JsonMapper json, String api, String origin, String authorization,
		Function<JsonNode, String> errorText) {

	/** Far beyond any account (Meta allows 250 templates per account without verification, 6,000 with). */
	static final int MAX_PAGES = 200;

	/** What is done with one page. */
	@FunctionalInterface
	public interface PageReader {

		void read(JsonNode page) throws TemplateSyncException, InterruptedException;

	}

	/** Reads {@code first} and each page {@code next} names in the page before it, until it names none. */
	public void pages(String first, Function<JsonNode, String> next, PageReader reader) throws TemplateSyncException, InterruptedException {
		String address = first;
		for (int page = 0; address != null && !address.isBlank(); page++) {
			if (page == MAX_PAGES || !ProviderHttp.sameOrigin(address, this.origin)) {
				throw new TemplateSyncException("The " + this.api + "'s next page is not on its own address");
			}
			JsonNode root = get(address);
			reader.read(root);
			address = next.apply(root);
		}
	}

	/** One call; a refusal carries the provider's error text, whitespace folded. */
	public JsonNode get(String address) throws TemplateSyncException, InterruptedException {
		try {
			HttpResponse<String> response = this.http.send(this.http.request(URI.create(address))
				.header("Authorization", this.authorization)
				.GET()
				.build());
			JsonNode root = this.json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
			if (response.statusCode() != 200) {
				throw new TemplateSyncException("HTTP " + response.statusCode() + " " + this.errorText.apply(root).replaceAll("\\s+", " "));
			}
			return root;
		}
		catch (IOException ex) {
			throw new TemplateSyncException(this.api + " unreachable: " + ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			throw new TemplateSyncException(this.api + " answer not readable");
		}
	}

}
