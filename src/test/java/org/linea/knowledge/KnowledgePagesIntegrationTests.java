package org.linea.knowledge;

import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may see and change the bank's pages, and that a refused or invalid submit changes nothing. */
class KnowledgePagesIntegrationTests extends LineaIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	KnowledgeService knowledge;

	MockMvc mvc;

	Organisation organisation;

	Line line;

	LineaUser coordinator;

	@BeforeEach
	void setUp() throws Exception {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.coordinator = newUser(this.organisation, Role.COORDINATOR);
		signIn(this.coordinator);
		try (InputStream in = getClass().getResourceAsStream("/knowledge/sample-bank.csv")) {
			this.knowledge.importBank(this.line.key(), BankFile.CSV, in, false);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/entries/VAC-01", "/entries/VAC-01/versions/1", "/entries/new" })
	void coordinatorsSeeEveryPageInBothLanguages(String page) throws Exception {
		for (String lang : new String[] { "es", "en" }) {
			String html = this.mvc.perform(get("/knowledge/" + this.line.key() + page).param("lang", lang).with(user(this.coordinator)))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(html).doesNotContain("??");
		}
	}

	@Test
	void theBotPagesShowADecisionAndTheReview() throws Exception {
		signIn(this.coordinator);
		this.knowledge.setStatus(this.line.key(), "VAC-01", EntryStatus.VALIDATED);
		String html = this.mvc.perform(post("/bot/" + this.line.key() + "/test").param("text", "donde ponen la vacuna")
				.with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("VAC-01", "CONFIDENT").doesNotContain("??");
		this.mvc.perform(get("/bot/" + this.line.key() + "/review").with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
	}

	@Test
	void operatorsReadButCannotValidateImportOrTest() throws Exception {
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		this.mvc.perform(get("/knowledge/" + this.line.key()).with(user(operator))).andExpect(status().isOk());
		this.mvc.perform(post("/knowledge/" + this.line.key() + "/entries/VAC-01/status").param("status", "VALIDATED")
			.with(user(operator)).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(multipart("/knowledge/" + this.line.key() + "/import")
			.file(new MockMultipartFile("file", "bank.csv", "text/csv", "id,topic,question,answer_es\r\nX-1,t,q,a\r\n".getBytes()))
			.with(user(operator)).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/bot/" + this.line.key() + "/test").with(user(operator))).andExpect(status().isForbidden());
		signIn(this.coordinator);
		assertThat(this.knowledge.entry(this.line.key(), "VAC-01").status()).isEqualTo(EntryStatus.DRAFT);
		assertThat(this.knowledge.entries(this.line.key())).hasSize(5);
	}

	@Test
	void anotherOrganisationsBankIsNotFoundAndAFormWithoutCsrfIsRefused() throws Exception {
		LineaUser stranger = newUser(newOrganisation(), Role.COORDINATOR);
		this.mvc.perform(get("/knowledge/" + this.line.key()).with(user(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(post("/knowledge/" + this.line.key() + "/entries/VAC-01/status").param("status", "VALIDATED")
			.with(user(this.coordinator))).andExpect(status().isForbidden());
		signIn(this.coordinator);
		assertThat(this.knowledge.entry(this.line.key(), "VAC-01").status()).isEqualTo(EntryStatus.DRAFT);
	}

	@Test
	void aCoordinatorValidatesAnEntryAndABadEditShowsWhyAndChangesNothing() throws Exception {
		this.mvc.perform(post("/knowledge/" + this.line.key() + "/entries/VAC-01/status").param("status", "VALIDATED")
			.with(user(this.coordinator)).with(csrf())).andExpect(status().is3xxRedirection());
		String html = this.mvc.perform(post("/knowledge/" + this.line.key() + "/entries/VAC-01").param("topic", "vacunas")
				.param("question", "").param("answer_es", "Texto").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("alert");
		signIn(this.coordinator);
		KnowledgeEntry entry = this.knowledge.entry(this.line.key(), "VAC-01");
		assertThat(entry.status()).isEqualTo(EntryStatus.VALIDATED);
		assertThat(entry.version()).isEqualTo(2);
	}

}
