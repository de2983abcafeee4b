package org.linea.channel;

import org.linea.access.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.twilio.FakeTwilioApi;
import org.linea.contact.ContactKeys;
import org.linea.web.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot keep (a NUL, a lone surrogate) in a signed message: stored with U+FFFD in
 * its place, the raw payload kept as sent, the other messages of the call stored too, and 200.
 */
class UnstorableTextIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private ContactKeys keys;

	@Test
	void aWhatsAppCallWithANulAndALoneSurrogateStoresEveryMessage() throws Exception {
		WhatsAppLine wa = whatsAppLine();
		String from = randomDigits();
		String first = "wamid.nul-" + UUID.randomUUID();
		String second = "wamid.ok-" + UUID.randomUUID();
		String body = """
				{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
				 "metadata":{"phone_number_id":"%s"},
				 "contacts":[{"profile":{"name":"Ju\\udc00an"},"wa_id":"%s"}],
				 "messages":[
				  {"from":"%s","id":"%s","timestamp":"1750857384","type":"text","text":{"body":"hola\\u0000 necesito ayuda \\ud83d"}},
				  {"from":"%s","id":"%s","timestamp":"1750857385","type":"text","text":{"body":"¿dónde está el albergue?"}}]}}]}]}
				""".formatted(wa.phoneNumberId(), from, from, first, from, second);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

		var response = post("/webhooks/whatsapp/" + wa.line().key(), "application/json", bytes,
				Map.of("X-Hub-Signature-256", "sha256=" + hmacSha256(wa.appSecret(), bytes)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(bodyOf(wa.line(), first)).isEqualTo("hola\uFFFD necesito ayuda \uFFFD");
		assertThat(bodyOf(wa.line(), second)).isEqualTo("¿dónde está el albergue?");
		byte[] name = this.jdbc.sql("select sender_name_encrypted from channel_inbound_message where line_id = ? and provider_message_id = ?")
			.params(wa.line().id(), first).query((rs, row) -> rs.getBytes(1)).single();
		assertThat(this.keys.decryptToString(name)).isEqualTo("Ju\uFFFDan");
		assertThat(rawPayloads(wa.line())).containsExactly(body);
		eventually(() -> count("select count(*) from conversation_message where line_id = ? and direction = 'IN'", wa.line().id()) == 2,
				"both messages reach the conversation");
	}

	@Test
	void aTwilioMessageAndStatusWithANulAreStored() {
		TwilioLine line = twilioLine(ChannelType.TWILIO_SMS);
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", sid);
		params.put("AccountSid", line.accountSid());
		params.put("From", "+" + randomDigits());
		params.put("To", "+51100000000");
		params.put("NumMedia", "0");
		params.put("Body", "hola\u0000 ayuda");
		String path = "/webhooks/twilio/" + line.line().key();

		var response = post(path, "application/x-www-form-urlencoded", form(params).getBytes(StandardCharsets.UTF_8),
				Map.of("X-Twilio-Signature", FakeTwilioApi.signature(line.authToken(), "http://localhost:8080" + path, params)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(bodyOf(line.line(), sid)).isEqualTo("hola\uFFFD ayuda");
		assertThat(rawPayloads(line.line()).getFirst()).contains("hola%00+ayuda");

		Map<String, String> status = new LinkedHashMap<>();
		status.put("MessageSid", "SM\u0000" + UUID.randomUUID());
		status.put("AccountSid", line.accountSid());
		status.put("MessageStatus", "delivered");
		status.put("ErrorCode", "300\u00001");
		var reported = post(path + "/status", "application/x-www-form-urlencoded", form(status).getBytes(StandardCharsets.UTF_8),
				Map.of("X-Twilio-Signature", FakeTwilioApi.signature(line.authToken(), "http://localhost:8080" + path + "/status", status)));
		assertThat(reported.statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from channel_delivery_report where line_id = ? and provider_message_id like 'SM\uFFFD%'",
				line.line().id())).isEqualTo(1);
	}

	@Test
	void theSimulatorTakesANul() {
		Line line = newLine(newOrganisation());
		LineaUser operator = newUser(this.organisations.get(line.organisationId()), Role.OPERATOR);
		String token = asUser(operator);

		var response = new ApiClient(this.port, token).postJson("/api/simulator/" + line.key() + "/messages",
				"{\"from\":\"" + randomPhone() + "\",\"text\":\"hola\\u0000 ayuda\"}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.jdbc.sql("select body from channel_inbound_message where line_id = ?").param(line.id()).query(String.class).single())
			.isEqualTo("hola\uFFFD ayuda");
	}

	@Autowired
	private org.linea.access.ApiTokenService tokens;

	private String asUser(LineaUser user) {
		return this.tokens.create(user.id(), "unstorable text test");
	}

	private String bodyOf(Line line, String providerMessageId) {
		return this.jdbc.sql("select body from channel_inbound_message where line_id = ? and provider_message_id = ?")
			.params(line.id(), providerMessageId.replace('\0', '\uFFFD'))
			.query(String.class)
			.single();
	}

	private List<String> rawPayloads(Line line) {
		return this.jdbc.sql("select payload_encrypted from channel_inbound_event where line_id = ? order by id")
			.param(line.id())
			.query((rs, row) -> this.keys.decryptToString(rs.getBytes(1)))
			.list();
	}

	private static String form(Map<String, String> params) {
		StringBuilder body = new StringBuilder();
		params.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
			.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private static String hmacSha256(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
