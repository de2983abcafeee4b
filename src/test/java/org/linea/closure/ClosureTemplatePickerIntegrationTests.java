package org.linea.closure;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.ChannelIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The closure page offers the line's approved WhatsApp templates, so that people who last wrote more than
 * 24 hours ago get the last message too; the chosen one and its parameters go into the closure's broadcast.
 */
class ClosureTemplatePickerIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private WebApplicationContext context;

	@Test
	void aCoordinatorPicksAnApprovedTemplateOnTheClosurePageAndTheLastMessageCarriesIt() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		WhatsAppLine wa = whatsAppLine();
		String key = wa.line().key();
		asAdmin(() -> this.accounts.addTemplate(key, "cierre_linea", "es", "Esta línea cierra el {{1}}. Otras opciones: {{2}}"));
		LineaUser coordinator = newUser(this.organisations.get(wa.line().organisationId()), Role.COORDINATOR);

		String page = mvc.perform(MockMvcRequestBuilders.get("/lines/" + key + "/closure").with(user(coordinator))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"c-template\"", "value=\"cierre_linea\"", "Esta línea cierra el {{1}}")
			.doesNotContain("id=\"closure-no-templates\"");

		mvc.perform(MockMvcRequestBuilders.post("/lines/" + key + "/closure").param("text.es", "Cerramos el 31 de diciembre.")
			.param("template", "cierre_linea").param("parameters", "31 de diciembre, Cruz Roja 0800-00-111")
			.param("alternatives", "Cruz Roja: 0800-00-111").param("activeDays", "30").param("confirm", "true")
			.with(user(coordinator)).with(csrf()));

		assertThat(this.lines.get(wa.line().id()).closedAt()).isNotNull();
		String message = this.jdbc.sql("""
				select c.message::text from broadcast_campaign c join closure_line_closure l on l.broadcast_id = c.id where l.line_id = ?
				""").param(wa.line().id()).query(String.class).single();
		assertThat(message).contains("\"cierre_linea\"", "\"31 de diciembre\"", "\"Cruz Roja 0800-00-111\"");
	}

	@Test
	void aWhatsAppLineWithoutApprovedTemplatesSaysWhoWillNotBeReached() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		WhatsAppLine wa = whatsAppLine();
		LineaUser coordinator = newUser(this.organisations.get(wa.line().organisationId()), Role.COORDINATOR);

		String page = mvc.perform(MockMvcRequestBuilders.get("/lines/" + wa.line().key() + "/closure").with(user(coordinator)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("id=\"closure-no-templates\"", "/lines/" + wa.line().key() + "/templates");
	}

}
