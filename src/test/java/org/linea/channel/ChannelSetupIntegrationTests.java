package org.linea.channel;

import org.linea.access.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.whatsapp.FakeGraphApiAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The setup page, the API and the inbox pane as admins and operators see them. */
class ChannelSetupIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void adminsSeeTheWebhookSetupButNeverTheSecrets() throws Exception {
		WhatsAppLine wa = whatsAppLine();
		this.mvc.perform(MockMvcRequestBuilders.get("/admin/lines/{key}/channel", wa.line().key()).with(user(administrator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http://localhost:8080/webhooks/whatsapp/" + wa.line().key())))
			.andExpect(content().string(containsString(wa.verifyToken())))
			.andExpect(content().string(containsString(wa.phoneNumberId())))
			.andExpect(content().string(not(containsString(wa.token()))))
			.andExpect(content().string(not(containsString(wa.appSecret()))));

		LineaUser operator = newUser(this.organisations.get(wa.line().organisationId()), Role.OPERATOR);
		this.mvc.perform(MockMvcRequestBuilders.get("/admin/lines/{key}/channel", wa.line().key()).with(user(operator))).andExpect(status().isForbidden());
	}

	@Test
	void changingAnAccountNeedsCsrfAndKeepsSecretsLeftBlank() throws Exception {
		WhatsAppLine wa = whatsAppLine();
		this.mvc.perform(MockMvcRequestBuilders.post("/admin/lines/{key}/channel", wa.line().key()).with(user(administrator()))
			.param("phoneNumberId", "123").param("businessAccountId", "1")).andExpect(status().isForbidden());

		this.mvc.perform(MockMvcRequestBuilders.post("/admin/lines/{key}/channel", wa.line().key()).with(user(administrator())).with(csrf())
			.param("phoneNumberId", wa.phoneNumberId()).param("businessAccountId", "555").param("accessToken", "")
			.param("appSecret", "").param("verifyToken", wa.verifyToken()).param("sendRate", "20"))
			.andExpect(status().is3xxRedirection());

		ProviderAccount account = this.accounts.find(wa.line().id()).orElseThrow();
		assertThat(account.setting("businessAccountId")).isEqualTo("555");
		assertThat(account.secret("accessToken")).isEqualTo(wa.token());
		assertThat(account.sendRate()).isEqualTo(20.0);
		byte[] stored = this.jdbc.sql("select secrets_encrypted from channel_account where line_id = ?").param(wa.line().id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(wa.token());
	}

	@Test
	void theApiConnectsATwilioLineAndAddsTemplates() throws Exception {
		TwilioLine line = twilioLine(ChannelType.TWILIO_WHATSAPP);
		this.mvc.perform(MockMvcRequestBuilders.put("/api/lines/{key}/channel", line.line().key()).with(user(administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"sender\":\"MG0123\"},\"sendRate\":5}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values.sender").value("MG0123"))
			.andExpect(jsonPath("$.secretsSet[0]").value("authToken"))
			.andExpect(jsonPath("$.webhooks[1].url").value("http://localhost:8080/webhooks/twilio/" + line.line().key() + "/status"))
			.andExpect(content().string(not(containsString(line.authToken()))));
		this.mvc.perform(MockMvcRequestBuilders.post("/api/lines/{key}/channel/templates", line.line().key()).with(user(administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"HX0001\",\"language\":\"es\",\"body\":\"Hola {{1}}\"}"))
			.andExpect(status().isCreated());

		LineaUser coordinator = newUser(this.organisations.get(line.line().organisationId()), Role.COORDINATOR);
		this.mvc.perform(MockMvcRequestBuilders.put("/api/lines/{key}/channel", line.line().key()).with(user(coordinator))
			.contentType(MediaType.APPLICATION_JSON).content("{\"values\":{}}")).andExpect(status().isForbidden());
	}

	@Test
	void theInboxOffersTemplatesOnceTheWindowHasClosedAndShowsMedia() throws Exception {
		WhatsAppLine wa = whatsAppLine();
		asAdmin(() -> this.accounts.addTemplate(wa.line().key(), "seguimiento", "es", "Hola {{1}}"));
		byte[] body = Fixtures.load("whatsapp/location.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", randomDigits(),
				"ID", "wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
		post("/webhooks/whatsapp/" + wa.line().key(), "application/json", body,
				Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), body)));
		eventually(() -> count("select count(*) from conversation_conversation where line_id = ?", wa.line().id()) == 1, "conversation");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(wa.line().id())
			.query(Long.class).single();
		LineaUser operator = newUser(this.organisations.get(wa.line().organisationId()), Role.OPERATOR);

		this.mvc.perform(MockMvcRequestBuilders.get("/inbox/conversations/{id}", conversation).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("openstreetmap.org/?mlat=-12.046374&amp;mlon=-77.042793")))
			.andExpect(content().string(not(containsString("/template\""))));

		this.jdbc.sql("update channel_inbound_message set received_at = now() - interval '25 hours' where line_id = ?")
			.param(wa.line().id()).update();
		this.mvc.perform(MockMvcRequestBuilders.get("/inbox/conversations/{id}", conversation).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/inbox/conversations/" + conversation + "/template")))
			.andExpect(content().string(containsString("seguimiento")));
	}

}
