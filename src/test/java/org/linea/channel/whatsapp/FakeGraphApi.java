package org.linea.channel.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import org.linea.channel.FakeProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's Graph API as Linea uses it: {@code POST /v23.0/{phone-number-id}/messages}, media lookup and
 * download. Checks the bearer token of each number; can report statuses back to Linea's webhook, signed
 * with the app secret, before it answers the send (as Meta sometimes does).
 */
public final class FakeGraphApi extends FakeProvider {

	private static final FakeGraphApi INSTANCE = new FakeGraphApi();

	private final Map<String, Number> numbers = new ConcurrentHashMap<>();

	private final Map<String, Media> media = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	/** Templates of each WhatsApp Business Account, with the token that may read them. */
	private final Map<String, Account> businessAccounts = new ConcurrentHashMap<>();

	/** The fake's page size for {@code message_templates}: few, so that paging shows. */
	public static final int TEMPLATE_PAGE = 2;

	/** A WhatsApp Business Account's templates, as {@code message_templates} lists them (name, language, status, category, components). */
	public record Account(String token, List<Map<String, Object>> templates) {
	}

	public void registerBusinessAccount(String wabaId, Account account) {
		this.businessAccounts.put(wabaId, account);
	}

	/** A template item as Meta lists it: its body component carries the wording. */
	public static Map<String, Object> template(String id, String name, String language, String status, String category, String body) {
		return Map.of("id", id, "name", name, "language", language, "status", status, "category", category, "components",
				List.of(Map.of("type", "HEADER", "format", "TEXT", "text", "Cruz Roja"), Map.of("type", "BODY", "text", body)));
	}


	public static FakeGraphApi instance() {
		return INSTANCE;
	}

	public String graphUrl() {
		return baseUrl() + "/v23.0";
	}

	/** A number the fake knows, and where it reports statuses (null: nowhere). */
	public record Number(String token, String webhookUrl, String appSecret, List<String> statusesBeforeAnswer) {
	}

	public void register(String phoneNumberId, Number number) {
		this.numbers.put(phoneNumberId, number);
	}

	public void addMedia(String mediaId, String token, String mimeType, byte[] data) {
		this.media.put(mediaId, new Media(token, mimeType, data));
	}

	private record Media(String token, String mimeType, byte[] data) {
	}

	/** The JSON bodies Linea sent for this number, oldest first. */
	public List<JsonNode> sent(String phoneNumberId) {
		return received(phoneNumberId).stream().map(request -> this.json.readTree(request.body())).toList();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		String[] path = exchange.getRequestURI().getPath().split("/");
		if (path.length == 4 && path[1].equals("v23.0") && path[3].equals("messages") && exchange.getRequestMethod().equals("POST")) {
			send(path[2], exchange);
		}
		else if (path.length == 4 && path[1].equals("v23.0") && path[3].equals("message_templates") && exchange.getRequestMethod().equals("GET")) {
			templates(path[2], exchange);
		}
		else if (path.length == 3 && path[1].equals("v23.0") && this.media.containsKey(path[2])) {
			Media found = this.media.get(path[2]);
			if (!authorised(exchange, found.token())) {
				return;
			}
			respond(exchange, 200, this.json.writeValueAsString(Map.of("messaging_product", "whatsapp", "url",
					baseUrl() + "/files/" + path[2], "mime_type", found.mimeType(), "file_size", String.valueOf(found.data().length),
					"id", path[2])));
		}
		else if (path.length == 3 && path[1].equals("files") && this.media.containsKey(path[2])) {
			Media found = this.media.get(path[2]);
			if (authorised(exchange, found.token())) {
				respondBytes(exchange, found.mimeType(), found.data());
			}
		}
		else {
			respond(exchange, 404, "{\"error\":{\"code\":100,\"message\":\"Unknown path\"}}");
		}
	}

	/** One page of the account's templates; {@code paging.next} (absolute, as Meta gives it) while more remain. */
	private void templates(String wabaId, HttpExchange exchange) throws IOException {
		Account account = this.businessAccounts.get(wabaId);
		if (account == null) {
			respond(exchange, 400, "{\"error\":{\"code\":100,\"message\":\"Unsupported get request\"}}");
			return;
		}
		if (!authorised(exchange, account.token())) {
			return;
		}
		record(wabaId, exchange);
		String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
		if (!query.contains("fields=name,language,status,category,components")) {
			respond(exchange, 400, "{\"error\":{\"code\":100,\"message\":\"fields missing\"}}");
			return;
		}
		int from = 0;
		for (String pair : query.split("&")) {
			if (pair.startsWith("after=")) {
				from = Integer.parseInt(pair.substring(6));
			}
		}
		int to = Math.min(from + TEMPLATE_PAGE, account.templates().size());
		Map<String, Object> paging = new java.util.LinkedHashMap<>();
		paging.put("cursors", Map.of("before", String.valueOf(from), "after", String.valueOf(to)));
		if (to < account.templates().size()) {
			paging.put("next", graphUrl() + "/" + wabaId + "/message_templates?fields=name,language,status,category,components,id&limit=100&after=" + to);
		}
		respond(exchange, 200, this.json.writeValueAsString(Map.of("data", account.templates().subList(from, to), "paging", paging)));
	}

	/** Posts a template webhook ({@code template_category_update}, {@code message_template_status_update}) to Linea, signed. */
	public int templateChange(Number number, String wabaId, String field, Map<String, Object> value) {
		String payload = this.json.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry",
				List.of(Map.of("id", wabaId, "time", Instant.now().getEpochSecond(), "changes", List.of(Map.of("field", field, "value", value))))));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return callLinea(number.webhookUrl(), "application/json", "X-Hub-Signature-256", WhatsAppSignature.sign(number.appSecret(), bytes),
				bytes);
	}

	private void send(String phoneNumberId, HttpExchange exchange) throws IOException {
		Number number = this.numbers.get(phoneNumberId);
		if (number == null) {
			respond(exchange, 400, "{\"error\":{\"code\":100,\"message\":\"Unknown phone number id\"}}");
			return;
		}
		if (!authorised(exchange, number.token())) {
			return;
		}
		Request request = record(phoneNumberId, exchange);
		JsonNode body = this.json.readTree(request.body());
		String wamid = "wamid." + UUID.randomUUID();
		// Meta takes "to" (a number) before "recipient" (a business-scoped user id)
		boolean toUserId = !body.has("to") && body.has("recipient");
		String recipient = toUserId ? body.path("recipient").asString() : body.path("to").asString();
		for (String status : number.statusesBeforeAnswer()) {
			report(number, phoneNumberId, wamid, body.path("biz_opaque_callback_data").asString(), recipient, status, null);
		}
		if (!scripted(phoneNumberId, exchange)) {
			respond(exchange, 200, this.json.writeValueAsString(Map.of("messaging_product", "whatsapp", "contacts",
					List.of(Map.of("input", recipient, toUserId ? "user_id" : "wa_id", recipient)), "messages",
					List.of(Map.of("id", wamid)))));
		}
	}

	/** Posts a status webhook for a message to Linea, as Meta would. */
	public int report(Number number, String phoneNumberId, String wamid, String reference, String recipient, String status,
			Integer errorCode) {
		Map<String, Object> item = new java.util.LinkedHashMap<>();
		item.put("id", wamid);
		item.put("status", status);
		item.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
		item.put(recipient != null && recipient.contains(".") ? "recipient_user_id" : "recipient_id", recipient);
		if (reference != null) {
			item.put("biz_opaque_callback_data", reference);
		}
		if (errorCode != null) {
			item.put("errors", List.of(Map.of("code", errorCode, "title", "error " + errorCode)));
		}
		String payload = this.json.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry",
				List.of(Map.of("id", "waba", "changes", List.of(Map.of("field", "messages", "value", Map.of("messaging_product",
						"whatsapp", "metadata", Map.of("display_phone_number", "15550001234", "phone_number_id", phoneNumberId),
						"statuses", List.of(item))))))));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return callLinea(number.webhookUrl(), "application/json", "X-Hub-Signature-256", WhatsAppSignature.sign(number.appSecret(), bytes),
				bytes);
	}

	/** Posts a person's message (a {@code messages} item: type and its object) to Linea, signed as Meta would. */
	public int personWrites(Number number, String phoneNumberId, String from, Map<String, Object> message) {
		Map<String, Object> item = new java.util.LinkedHashMap<>(message);
		item.put("from", from);
		item.put("id", "wamid.in-" + java.util.UUID.randomUUID());
		item.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
		String payload = this.json.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry",
				List.of(Map.of("id", "waba", "changes", List.of(Map.of("field", "messages", "value", Map.of("messaging_product",
						"whatsapp", "metadata", Map.of("display_phone_number", "15550001234", "phone_number_id", phoneNumberId),
						"contacts", List.of(Map.of("profile", Map.of("name", "Ana"), "wa_id", from)), "messages", List.of(item))))))));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return callLinea(number.webhookUrl(), "application/json", "X-Hub-Signature-256", WhatsAppSignature.sign(number.appSecret(), bytes),
				bytes);
	}

	private static boolean authorised(HttpExchange exchange, String token) throws IOException {
		if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":{\"code\":190,\"message\":\"Invalid OAuth access token\"}}");
			return false;
		}
		return true;
	}

}
