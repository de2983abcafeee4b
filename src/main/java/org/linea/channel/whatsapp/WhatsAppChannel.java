package org.linea.channel.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.contact.BusinessScopedIds;
import org.linea.access.Line;
import org.linea.channel.ChannelAccounts;
import org.linea.channel.ChannelAdapter;
import org.linea.channel.ChannelFacts;
import org.linea.access.ChannelType;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.OutboundContent;
import org.linea.channel.ProviderAccount;
import org.linea.channel.ProviderHttp;
import org.linea.channel.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * WhatsApp Business Platform, Cloud API: sends through {@code POST /{phone-number-id}/messages} and
 * downloads media by id, with the line's access token.
 */
@Component
class WhatsAppChannel implements ChannelAdapter {

	static final String PHONE_NUMBER_ID = "phoneNumberId";

	static final String ACCESS_TOKEN = "accessToken";

	static final String APP_SECRET = "appSecret";

	/** 24-hour customer-service window, 80 messages a second per number, 4096 characters of text. */
	private static final ChannelFacts FACTS = new ChannelFacts(Duration.ofHours(24), 80, 4096, false);

	private final ChannelAccounts accounts;

	private final ProviderHttp http;

	private final WhatsAppProperties properties;

	private final JsonMapper json;

	WhatsAppChannel(ChannelAccounts accounts, ProviderHttp http, WhatsAppProperties properties, JsonMapper json) {
		this.accounts = accounts;
		this.http = http;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public Set<ChannelType> types() {
		return Set.of(ChannelType.WHATSAPP_CLOUD);
	}

	@Override
	public ChannelFacts facts(ChannelType type) {
		return FACTS;
	}

	@Override
	public List<AccountField> accountFields(ChannelType type) {
		return List.of(new AccountField(PHONE_NUMBER_ID, false, true), new AccountField("businessAccountId", false, true),
				new AccountField(ACCESS_TOKEN, true, true), new AccountField(APP_SECRET, true, true),
				new AccountField("verifyToken", false, false));
	}

	@Override
	public List<Webhook> webhooks(Line line, String publicUrl) {
		return List.of(new Webhook("channel.webhook.whatsapp", publicUrl + "/webhooks/whatsapp/" + line.key()));
	}

	@Override
	public SendResult send(Line line, Delivery delivery) throws InterruptedException {
		ProviderAccount account = this.accounts.forSending(line.id()).orElse(null);
		if (account == null) {
			return new SendResult.Failed("NO_ACCOUNT", "The line is not connected to WhatsApp");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		if (BusinessScopedIds.valid(delivery.to())) {
			// a person Linea knows only by their business-scoped user id (Meta withholds the number)
			body.put("recipient", delivery.to());
		}
		else {
			body.put("to", delivery.to().replace("+", ""));
		}
		body.put("biz_opaque_callback_data", delivery.reference());
		WhatsAppMessages.describe(delivery.content(), body);
		HttpRequest request = this.http.request(URI.create(this.properties.graphUrl() + "/" + account.setting(PHONE_NUMBER_ID) + "/messages"))
			.header("Authorization", "Bearer " + account.secret(ACCESS_TOKEN))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request);
			return answer(response);
		}
		catch (IOException ex) {
			return ProviderHttp.retryAfterFailure(ex);
		}
	}

	private SendResult answer(HttpResponse<String> response) {
		JsonNode root = parse(response.body());
		if (response.statusCode() / 100 == 2) {
			String id = root.path("messages").path(0).path("id").asString(null);
			return id == null ? new SendResult.Retry("NO_MESSAGE_ID", null) : new SendResult.Accepted(id, DeliveryStatus.SENT);
		}
		JsonNode error = root.path("error");
		int code = error.path("code").asInt(-1);
		return WhatsAppErrors.classify(response.statusCode(), code, error.path("message").asString("HTTP " + response.statusCode()),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	/**
	 * Media by id: ask the Graph API where it is, then fetch it with the same token. The address must
	 * be https (or the configured Graph API's own origin, for a local stand-in); no redirects.
	 */
	@Override
	public FetchedMedia fetchMedia(Line line, String mediaId, long maxBytes) throws MediaFetchException, InterruptedException {
		ProviderAccount account = this.accounts.find(line.id())
			.orElseThrow(() -> new MediaFetchException("NO_ACCOUNT", "The line is not connected", false));
		if (!mediaId.matches("[A-Za-z0-9._-]{1,200}")) {
			throw new MediaFetchException("BAD_MEDIA_ID", "Not a media id", false);
		}
		String token = "Bearer " + account.secret(ACCESS_TOKEN);
		try {
			HttpResponse<String> lookup = this.http.send(this.http.request(URI.create(this.properties.graphUrl() + "/" + mediaId
					+ "?phone_number_id=" + account.setting(PHONE_NUMBER_ID))).header("Authorization", token).GET().build());
			if (lookup.statusCode() != 200) {
				throw new MediaFetchException("HTTP_" + lookup.statusCode(), "Media lookup refused", lookup.statusCode() >= 500);
			}
			JsonNode meta = parse(lookup.body());
			if (meta.path("file_size").asLong(0) > maxBytes) {
				throw new MediaFetchException("TOO_LARGE", "Larger than the limit", false);
			}
			URI url = allowed(meta.path("url").asString(""));
			ProviderHttp.Download download = this.http.download(this.http.request(url).header("Authorization", token).GET().build(), maxBytes);
			if (download.tooLarge()) {
				throw new MediaFetchException("TOO_LARGE", "Larger than the limit", false);
			}
			if (download.status() != 200) {
				throw new MediaFetchException("HTTP_" + download.status(), "Media download refused", true);
			}
			String type = meta.path("mime_type").asString(download.contentType());
			return new FetchedMedia(type, download.data());
		}
		catch (IOException ex) {
			throw new MediaFetchException("NETWORK", ex.getClass().getSimpleName(), true);
		}
	}

	private URI allowed(String address) throws MediaFetchException {
		try {
			URI url = URI.create(address);
			URI graph = URI.create(this.properties.graphUrl());
			boolean sameOrigin = url.getScheme() != null && url.getScheme().equals(graph.getScheme())
					&& url.getHost() != null && url.getHost().equalsIgnoreCase(graph.getHost()) && url.getPort() == graph.getPort();
			if (("https".equals(url.getScheme()) && url.getHost() != null && url.getUserInfo() == null) || sameOrigin) {
				return url;
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the refusal
		}
		throw new MediaFetchException("BAD_MEDIA_URL", "The media address is not an allowed https address", false);
	}

	@Override
	public String toString() {
		return "WhatsAppChannel[" + this.properties.graphUrl().toLowerCase(Locale.ROOT) + "]";
	}

}
