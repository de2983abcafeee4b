package org.linea.channel;

import org.linea.access.ChannelType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.channel.twilio.FakeTwilioApi;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Lines connected to the fake providers, and calls to Linea's webhooks as the providers make them. */
public abstract class ChannelIntegrationTest extends LineaIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ChannelAccounts accounts;

	protected final HttpClient http = HttpClient.newHttpClient();

	protected final FakeGraphApi graph = FakeGraphApi.instance();

	protected final FakeTwilioApi twilio = FakeTwilioApi.instance();

	/** A WhatsApp Cloud API line, connected; the fake knows its number and token. */
	protected record WhatsAppLine(Line line, String phoneNumberId, String token, String appSecret, String verifyToken,
			FakeGraphApi.Number number) {
	}

	protected record TwilioLine(Line line, String accountSid, String authToken, FakeTwilioApi.Account account) {
	}

	protected WhatsAppLine whatsAppLine(String... statusesBeforeAnswer) {
		return whatsAppLine(newProviderLine(ChannelType.WHATSAPP_CLOUD, unique("line")), statusesBeforeAnswer);
	}

	/** A WhatsApp Cloud API line with this key, for settings that name lines. */
	protected WhatsAppLine whatsAppLineWithKey(String key, String... statusesBeforeAnswer) {
		return whatsAppLine(newProviderLine(ChannelType.WHATSAPP_CLOUD, key), statusesBeforeAnswer);
	}

	private WhatsAppLine whatsAppLine(Line line, String... statusesBeforeAnswer) {
		String phoneNumberId = String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));
		String token = "EAAG" + UUID.randomUUID();
		String appSecret = UUID.randomUUID().toString();
		String verifyToken = "verify-" + UUID.randomUUID();
		asAdmin(() -> this.accounts.connect(line.key(), Map.of("phoneNumberId", phoneNumberId, "businessAccountId", "102290129340398",
				"accessToken", token, "appSecret", appSecret, "verifyToken", verifyToken), null));
		FakeGraphApi.Number number = new FakeGraphApi.Number(token, webhookUrl("/webhooks/whatsapp/" + line.key()), appSecret,
				List.of(statusesBeforeAnswer));
		this.graph.register(phoneNumberId, number);
		return new WhatsAppLine(line, phoneNumberId, token, appSecret, verifyToken, number);
	}

	protected TwilioLine twilioLine(ChannelType type, String... statusesBeforeAnswer) {
		return twilioLine(newProviderLine(type, unique("line")), statusesBeforeAnswer);
	}

	/** A Twilio line of an organisation that has other lines (e.g. the SMS line beside its WhatsApp line). */
	protected TwilioLine twilioLineOf(long organisationId, ChannelType type, String... statusesBeforeAnswer) {
		return twilioLine(this.lines.create(new LineForm(organisationId, unique("line"), "Línea SMS", type, "PE", "America/Lima",
				List.of("es", "en"), "", 30, 30)), statusesBeforeAnswer);
	}

	private TwilioLine twilioLine(Line line, String... statusesBeforeAnswer) {
		String accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
		String authToken = UUID.randomUUID().toString().replace("-", "");
		asAdmin(() -> this.accounts.connect(line.key(), Map.of("accountSid", accountSid, "authToken", authToken, "sender", "+51100000000"),
				null));
		FakeTwilioApi.Account account = new FakeTwilioApi.Account(authToken, "http://localhost:" + this.port, List.of(statusesBeforeAnswer));
		this.twilio.register(accountSid, account);
		return new TwilioLine(line, accountSid, authToken, account);
	}

	private Line newProviderLine(ChannelType type, String key) {
		return this.lines.create(new LineForm(newOrganisation().id(), key, "Línea", type, "PE", "America/Lima",
				List.of("es", "en"), "", 30, 30));
	}

	protected void asAdmin(Runnable action) {
		signIn(administrator());
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	protected String webhookUrl(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl(path)))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return call(request.build());
	}

	protected HttpResponse<String> get(String pathAndQuery) {
		return call(HttpRequest.newBuilder(URI.create(webhookUrl(pathAndQuery))).GET().build());
	}

	private HttpResponse<String> call(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	protected long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Statuses of the line's outgoing conversation messages, oldest first. */
	protected List<String> outgoingStatuses(Line line) {
		return this.jdbc.sql("select status from conversation_message where line_id = ? and direction = 'OUT' order by id")
			.param(line.id())
			.query(String.class)
			.list();
	}

	protected static String randomDigits() {
		return "519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
	}

}
