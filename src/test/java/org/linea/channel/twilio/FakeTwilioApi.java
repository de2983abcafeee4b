package org.linea.channel.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import org.linea.channel.FakeProvider;

/**
 * Twilio's Messages resource as Linea uses it: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * with HTTP Basic auth, and media downloads. Can call the StatusCallback Linea asked for, signed as
 * Twilio signs (its own implementation of the scheme, so the test also checks Linea's validator).
 */
public final class FakeTwilioApi extends FakeProvider {

	private static final FakeTwilioApi INSTANCE = new FakeTwilioApi();

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, byte[]> media = new ConcurrentHashMap<>();


	public static FakeTwilioApi instance() {
		return INSTANCE;
	}

	/**
	 * An account the fake knows.
	 * @param lineaBaseUrl where Linea really listens (the callback URL names its public address)
	 * @param statusesBeforeAnswer statuses reported to the StatusCallback before the send is answered
	 */
	public record Account(String authToken, String lineaBaseUrl, List<String> statusesBeforeAnswer) {
	}

	/** Content templates of each account, oldest first. */
	private final Map<String, List<Content>> contents = new ConcurrentHashMap<>();

	/** The fake's page size for {@code /v1/Content}: small, so that paging shows. */
	public static final int CONTENT_PAGE = 2;

	/**
	 * A Content template and its WhatsApp approval.
	 * @param status the approval status as Twilio writes it (approved, pending, rejected...); null: never submitted
	 */
	public record Content(String sid, String friendlyName, String language, String body, String status, String category) {
	}

	/** The Content API requests of this account (paths with their query), oldest first. */
	public List<Request> contentRequests(String accountSid) {
		return received(accountSid + "/content");
	}

	public String addContent(String accountSid, String friendlyName, String language, String body, String status, String category) {
		String sid = "HX" + hex();
		this.contents.computeIfAbsent(accountSid, key -> new java.util.concurrent.CopyOnWriteArrayList<>())
			.add(new Content(sid, friendlyName, language, body, status, category));
		return sid;
	}

	/** The Content API at {@code /v1/...}: the account is the one whose Basic credentials the request carries. */
	private void content(String path, HttpExchange exchange) throws IOException {
		String sid = this.accounts.entrySet().stream()
			.filter(e -> ("Basic " + Base64.getEncoder().encodeToString((e.getKey() + ":" + e.getValue().authToken()).getBytes(StandardCharsets.UTF_8)))
				.equals(exchange.getRequestHeaders().getFirst("Authorization")))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (sid == null) {
			respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
			return;
		}
		// kept apart from the account's sends, which tests read as forms
		record(sid + "/content", exchange);
		List<Content> all = this.contents.getOrDefault(sid, List.of());
		if (path.equals("/v1/Content")) {
			String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
			int page = 0;
			for (String pair : query.split("&")) {
				if (pair.startsWith("Page=")) {
					page = Integer.parseInt(pair.substring(5));
				}
			}
			int from = Math.min(page * CONTENT_PAGE, all.size());
			int to = Math.min(from + CONTENT_PAGE, all.size());
			List<Map<String, Object>> items = all.subList(from, to).stream().map(c -> Map.<String, Object>of("sid", c.sid(), "account_sid", sid,
					"friendly_name", c.friendlyName(), "language", c.language(), "variables", Map.of("1", "x"),
					"types", Map.of("twilio/text", Map.of("body", c.body())))).toList();
			String next = to < all.size() ? baseUrl() + "/v1/Content?PageSize=" + CONTENT_PAGE + "&Page=" + (page + 1) + "&PageToken=PT" + to : null;
			Map<String, Object> meta = new java.util.HashMap<>();
			meta.put("page", page);
			meta.put("page_size", CONTENT_PAGE);
			meta.put("next_page_url", next);
			meta.put("key", "contents");
			respond(exchange, 200, JSON.writeValueAsString(Map.of("contents", items, "meta", meta)));
			return;
		}
		for (Content c : all) {
			if (path.equals("/v1/Content/" + c.sid() + "/ApprovalRequests")) {
				Map<String, Object> whatsapp = c.status() == null ? Map.of() : Map.of("type", "whatsapp", "name", c.friendlyName(),
						"category", c.category(), "content_type", "twilio/text", "status", c.status(), "rejection_reason", "",
						"allow_category_change", true);
				respond(exchange, 200, JSON.writeValueAsString(Map.of("sid", c.sid(), "account_sid", sid, "whatsapp", whatsapp,
						"url", baseUrl() + path)));
				return;
			}
		}
		respond(exchange, 404, "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	public void register(String accountSid, Account account) {
		this.accounts.put(accountSid, account);
	}

	/** Media at {@code /2010-04-01/Accounts/{sid}/Messages/{message}/Media/{id}}; returns its URL. */
	public String addMedia(String accountSid, byte[] data) {
		String path = "/2010-04-01/Accounts/" + accountSid + "/Messages/MM" + hex() + "/Media/ME" + hex();
		this.media.put(path, data);
		return baseUrl() + path;
	}

	/** The form parameters of each send to this account, oldest first. */
	public List<Map<String, String>> sent(String accountSid) {
		return received(accountSid).stream().map(request -> FormBody.parse(request.body().getBytes(StandardCharsets.UTF_8))).toList();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.startsWith("/v1/Content")) {
			content(path, exchange);
			return;
		}
		String[] parts = path.split("/");
		if (parts.length < 4 || !parts[1].equals("2010-04-01") || !this.accounts.containsKey(parts[3])) {
			respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
			return;
		}
		String sid = parts[3];
		Account account = this.accounts.get(sid);
		String expected = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
			return;
		}
		if (this.media.containsKey(path)) {
			respondBytes(exchange, "image/jpeg", this.media.get(path));
			return;
		}
		if (!path.equals("/2010-04-01/Accounts/" + sid + "/Messages.json") || !exchange.getRequestMethod().equals("POST")) {
			respond(exchange, 404, "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
			return;
		}
		Request request = record(sid, exchange);
		Map<String, String> form = FormBody.parse(request.body().getBytes(StandardCharsets.UTF_8));
		String messageSid = "SM" + hex();
		for (String status : account.statusesBeforeAnswer()) {
			callback(account, form.get("StatusCallback"), Map.of("AccountSid", sid, "MessageSid", messageSid, "MessageStatus", status,
					"To", form.getOrDefault("To", ""), "From", form.getOrDefault("From", "")));
		}
		if (!scripted(sid, exchange)) {
			respond(exchange, 201, "{\"sid\":\"" + messageSid + "\",\"status\":\"queued\",\"num_segments\":\"1\"}");
		}
	}

	/** Posts form parameters to a URL Linea gave, signed with the account's auth token. */
	public int callback(Account account, String signedUrl, Map<String, String> params) {
		URI url = URI.create(signedUrl);
		String target = account.lineaBaseUrl() + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
		String body = params.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return callLinea(target, "application/x-www-form-urlencoded", "X-Twilio-Signature", signature(account.authToken(), signedUrl, params),
				body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Posts an Event Streams delivery (a JSON array of CloudEvents) to a line's events sink, signed as
	 * Twilio signs JSON bodies: the address carries the body's SHA-256 and the signature covers the address.
	 */
	public int events(Account account, String lineKey, String jsonArray) {
		return events(account, lineKey, jsonArray, account.authToken());
	}

	/** The same, signed with another token (a forgery). */
	public int events(Account account, String lineKey, String jsonArray, String signingToken) {
		byte[] body = jsonArray.getBytes(StandardCharsets.UTF_8);
		String query = "?bodySHA256=" + java.util.HexFormat.of().formatHex(sha256(body));
		String path = "/webhooks/twilio/" + lineKey + "/events";
		return callLinea(account.lineaBaseUrl() + path + query, "application/json", "X-Twilio-Signature",
				signature(signingToken, "http://localhost:8080" + path + query, Map.of()), body);
	}

	/** A {@code com.twilio.messaging.template.approval.updated} event ({@code status_update} or {@code category_update}). */
	public static String approvalUpdated(String accountSid, String contentSid, String language, String type, String previous, String current) {
		return """
				{"specversion":"1.0","type":"com.twilio.messaging.template.approval.updated","source":"/v1/Templates/%2$s",
				 "id":"databridge_event_%7$s","dataschema":"https://events-schemas.twilio.com/Messaging.ApprovalUpdated/1",
				 "datacontenttype":"application/json","time":"2026-12-03T07:00:00.000Z",
				 "data":{"type":"%4$s","accountSid":"%1$s","dateUpdated":"2026-12-03T07:00:00Z","channel":"whatsapp",
				  "template":{"sid":"%2$s","friendlyName":"aviso","externalTemplateName":"aviso_hx1","language":"%3$s",
				   "previousValue":"%5$s","currentValue":"%6$s"}}}
				""".formatted(accountSid, contentSid, language, type, previous, current, hex());
	}

	private static byte[] sha256(byte[] body) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Twilio's scheme: Base64 HMAC-SHA1 of the URL followed by each parameter name and value, sorted by name. */
	public static String signature(String authToken, String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
