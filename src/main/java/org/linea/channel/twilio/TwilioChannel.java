package org.linea.channel.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.linea.shared.LineaProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Twilio Programmable Messaging, SMS and WhatsApp: sends through the Messages resource with the
 * account's SID and auth token, asking for status callbacks that carry the outbox reference.
 */
@Component
class TwilioChannel implements ChannelAdapter {

	static final String ACCOUNT_SID = "accountSid";

	static final String AUTH_TOKEN = "authToken";

	static final String SENDER = "sender";

	/** A long code sends one segment a second; Body takes at most 1600 characters. */
	private static final ChannelFacts SMS = new ChannelFacts(null, 1, 1600, true);

	/** WhatsApp through Twilio keeps Meta's 24-hour window and per-number rate. */
	private static final ChannelFacts WHATSAPP = new ChannelFacts(Duration.ofHours(24), 80, 1600, false);

	private final ChannelAccounts accounts;

	private final ProviderHttp http;

	private final TwilioProperties properties;

	private final LineaProperties linea;

	private final JsonMapper json;

	TwilioChannel(ChannelAccounts accounts, ProviderHttp http, TwilioProperties properties, LineaProperties linea, JsonMapper json) {
		this.accounts = accounts;
		this.http = http;
		this.properties = properties;
		this.linea = linea;
		this.json = json;
	}

	@Override
	public Set<ChannelType> types() {
		return Set.of(ChannelType.TWILIO_SMS, ChannelType.TWILIO_WHATSAPP);
	}

	@Override
	public ChannelFacts facts(ChannelType type) {
		return type == ChannelType.TWILIO_WHATSAPP ? WHATSAPP : SMS;
	}

	@Override
	public List<AccountField> accountFields(ChannelType type) {
		return List.of(new AccountField(ACCOUNT_SID, false, true), new AccountField(AUTH_TOKEN, true, true),
				new AccountField(SENDER, false, true));
	}

	@Override
	public List<Webhook> webhooks(Line line, String publicUrl) {
		String base = publicUrl + "/webhooks/twilio/" + line.key();
		List<Webhook> webhooks = new ArrayList<>(List.of(new Webhook("channel.webhook.twilioInbound", base),
				new Webhook("channel.webhook.twilioStatus", base + "/status")));
		if (line.channelType() == ChannelType.TWILIO_WHATSAPP) {
			webhooks.add(new Webhook("channel.webhook.twilioTemplateEvents", base + "/events"));
		}
		return List.copyOf(webhooks);
	}

	@Override
	public SendResult send(Line line, Delivery delivery) throws InterruptedException {
		ProviderAccount account = this.accounts.forSending(line.id()).orElse(null);
		if (account == null) {
			return new SendResult.Failed("NO_ACCOUNT", "The line is not connected to Twilio");
		}
		String prefix = line.channelType() == ChannelType.TWILIO_WHATSAPP ? "whatsapp:" : "";
		Map<String, String> form = new LinkedHashMap<>();
		form.put("To", prefix + delivery.to());
		String sender = account.setting(SENDER);
		if (sender.startsWith("MG")) {
			form.put("MessagingServiceSid", sender);
		}
		else {
			form.put("From", prefix + sender);
		}
		content(delivery.content(), form);
		form.put("StatusCallback", this.linea.publicUrl().replaceAll("/+$", "") + "/webhooks/twilio/" + line.key() + "/status?ref="
				+ delivery.reference());
		String sid = account.setting(ACCOUNT_SID);
		HttpRequest request = this.http.request(URI.create(this.properties.apiUrl() + "/2010-04-01/Accounts/" + sid + "/Messages.json"))
			.header("Authorization", basic(sid, account.secret(AUTH_TOKEN)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		try {
			return answer(this.http.send(request));
		}
		catch (IOException ex) {
			return ProviderHttp.retryAfterFailure(ex);
		}
	}

	/** Buttons and lists become numbered text: interactive messages need Twilio Content templates. */
	private void content(OutboundContent content, Map<String, String> form) {
		switch (content) {
			case OutboundContent.Template template -> {
				form.put("ContentSid", template.name());
				Map<String, String> variables = new LinkedHashMap<>();
				for (int i = 0; i < template.parameters().size(); i++) {
					variables.put(String.valueOf(i + 1), template.parameters().get(i));
				}
				form.put("ContentVariables", this.json.writeValueAsString(variables));
			}
			case OutboundContent.Media media -> {
				form.put("MediaUrl", media.url());
				if (media.caption() != null && !media.caption().isBlank()) {
					form.put("Body", media.caption());
				}
			}
			default -> form.put("Body", content.preview());
		}
	}

	private SendResult answer(HttpResponse<String> response) {
		JsonNode root;
		try {
			root = this.json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
		}
		catch (RuntimeException ex) {
			root = this.json.createObjectNode();
		}
		if (response.statusCode() / 100 == 2) {
			String sid = root.path("sid").asString(null);
			return sid == null ? new SendResult.Retry("NO_MESSAGE_SID", null) : new SendResult.Accepted(sid, DeliveryStatus.SENT);
		}
		int code = root.path("code").asInt(-1);
		String errorCode = code >= 0 ? String.valueOf(code) : "HTTP_" + response.statusCode();
		Duration after = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
			.map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
		if (response.statusCode() == 429 || code == 20429) {
			return new SendResult.Throttled(errorCode, true, after);
		}
		if (response.statusCode() >= 500) {
			return new SendResult.Retry(errorCode, after);
		}
		return new SendResult.Failed(errorCode, root.path("message").asString("HTTP " + response.statusCode()));
	}

	/**
	 * Media Twilio holds: only at the configured API's origin, with the account's credentials; Twilio
	 * may answer with one redirect to an https storage address, fetched without credentials.
	 */
	@Override
	public FetchedMedia fetchMedia(Line line, String mediaUrl, long maxBytes) throws MediaFetchException, InterruptedException {
		ProviderAccount account = this.accounts.find(line.id())
			.orElseThrow(() -> new MediaFetchException("NO_ACCOUNT", "The line is not connected", false));
		URI url = URI.create(mediaUrl);
		URI api = URI.create(this.properties.apiUrl());
		if (!api.getScheme().equals(url.getScheme()) || !api.getHost().equalsIgnoreCase(url.getHost()) || api.getPort() != url.getPort()
				|| url.getUserInfo() != null) {
			throw new MediaFetchException("BAD_MEDIA_URL", "Media is not on the Twilio API", false);
		}
		try {
			ProviderHttp.Download download = this.http.download(
					this.http.request(url).header("Authorization", basic(account.setting(ACCOUNT_SID), account.secret(AUTH_TOKEN))).GET().build(),
					maxBytes);
			if (download.status() / 100 == 3 && download.location() != null) {
				URI next = url.resolve(download.location());
				if (!"https".equals(next.getScheme()) || next.getUserInfo() != null) {
					throw new MediaFetchException("BAD_MEDIA_URL", "Redirect to a non-https address", false);
				}
				download = this.http.download(this.http.request(next).GET().build(), maxBytes);
			}
			if (download.tooLarge()) {
				throw new MediaFetchException("TOO_LARGE", "Larger than the limit", false);
			}
			if (download.status() != 200) {
				throw new MediaFetchException("HTTP_" + download.status(), "Media download refused", download.status() >= 500);
			}
			return new FetchedMedia(download.contentType(), download.data());
		}
		catch (IOException ex) {
			throw new MediaFetchException("NETWORK", ex.getClass().getSimpleName(), true);
		}
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(Map<String, String> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return pairs.stream().collect(Collectors.joining("&"));
	}

}
