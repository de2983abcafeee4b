package org.linea.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;

/**
 * The HTTP client adapters call providers with: never follows redirects (an adapter decides, per
 * provider, which address it may go on to), times out after {@code linea.channel.provider-timeout}.
 */
@Component
public class ProviderHttp {

	private final HttpClient client;

	private final ChannelProperties properties;

	ProviderHttp(ChannelProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.providerTimeout())
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	/** A request to this address with the provider timeout set. */
	public HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(this.properties.providerTimeout());
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Downloads at most {@code maxBytes}; more is refused without reading it all. */
	public Download download(HttpRequest request, long maxBytes) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
				return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), null, true,
						response.headers().firstValue("Location").orElse(null));
			}
			byte[] data = body.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					data.length > maxBytes ? null : data, data.length > maxBytes, response.headers().firstValue("Location").orElse(null));
		}
	}

	/**
	 * Whether a next-page address a provider gave is on the configured API's origin (scheme, host, port),
	 * so the line's credentials go nowhere else.
	 */
	public static boolean sameOrigin(String address, String configured) {
		try {
			URI url = URI.create(address);
			URI base = URI.create(configured);
			return url.getScheme() != null && url.getScheme().equalsIgnoreCase(base.getScheme()) && url.getHost() != null
					&& url.getHost().equalsIgnoreCase(base.getHost()) && url.getPort() == base.getPort() && url.getUserInfo() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** What a network failure means for a send: try again later. */
	public static SendResult retryAfterFailure(IOException ex) {
		return new SendResult.Retry(ex instanceof HttpTimeoutException ? "TIMEOUT" : "NETWORK", null);
	}

	/**
	 * A downloaded body.
	 * @param data null when {@code tooLarge}
	 * @param location the redirect target, if the answer was a redirect
	 */
	public record Download(int status, String contentType, byte[] data, boolean tooLarge, String location) {
	}

}
