package org.linea.survey;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A coordinator writes a survey on the survey page, fixes what the checks find, edits it, and downloads it as XLSForm. */
class SurveyBuilderIntegrationTests extends LineaIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	private MockMvc mvc;

	private Organisation organisation;

	private Line line;

	private LineaUser coordinator;

	@BeforeEach
	void coordinatorOfALine() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.coordinator = newUser(this.organisation, Role.COORDINATOR);
	}

	private LinkedMultiValueMap<String, String> form(String constraint) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		this.line.languages().forEach(language -> params.add("languages", language));
		params.add("defaultLanguage", this.line.defaultLanguage());
		params.add("formId", "egresados");
		params.add("title", "Seguimiento de egresados");
		params.add("version", "1");
		String language = this.line.defaultLanguage();
		params.add("q.type", "select_one");
		params.add("q.list", "si_no");
		params.add("q.name", "empleo");
		params.add("q.label." + language, "¿Tienes empleo?");
		params.add("q.required", "yes");
		params.add("q.relevant", "");
		params.add("q.constraint", "");
		params.add("q.type", "integer");
		params.add("q.list", "");
		params.add("q.name", "meses");
		params.add("q.label." + language, "¿Desde hace cuántos meses?");
		params.add("q.required", "yes");
		params.add("q.relevant", "${empleo} = 'si'");
		params.add("q.constraint", constraint);
		for (String[] choice : List.of(new String[] { "si", "Sí" }, new String[] { "no", "No" })) {
			params.add("c.list", "si_no");
			params.add("c.name", choice[0]);
			params.add("c.label." + language, choice[1]);
			params.add("c.columns", "");
		}
		return params;
	}

	/** The service as the coordinator (a request through MockMvc leaves nobody signed in). */
	private SurveyService surveys() {
		var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(this.coordinator, null,
				this.coordinator.getAuthorities());
		org.springframework.security.test.context.TestSecurityContextHolder.setAuthentication(auth);
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
		return this.surveys;
	}

	private MockHttpServletResponse submit(String path, LinkedMultiValueMap<String, String> params, Locale locale) throws Exception {
		return this.mvc.perform(post(path)
			.params(params)
			.locale(locale)
			.with(user(this.coordinator))
			.with(csrf())).andReturn().getResponse();
	}

	private long idFrom(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		String location = response.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aFormWithAMistakeIsShownAgainWithTheProblemInTheReadersLanguageAndNothingIsSaved() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/surveys/lines/" + this.line.key() + "/new").with(user(this.coordinator)))
			.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("name=\"q.type\"", "add-question");

		MockHttpServletResponse refused = submit("/surveys/lines/" + this.line.key() + "/new", form(". >>> 3"), Locale.forLanguageTag("es"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Pregunta 2 (meses), constraint: La expresión", "aria-invalid=\"true\"")
			.contains("¿Desde hace cuántos meses?");
		MockHttpServletResponse inEnglish = submit("/surveys/lines/" + this.line.key() + "/new", form(". >>> 3"), Locale.ENGLISH);
		assertThat(inEnglish.getContentAsString()).contains("Question 2 (meses), constraint: The expression");
		assertThat(this.jdbc.sql("select count(*) from survey_survey where line_id = ?").param(this.line.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aSavedFormIsEditedInPlaceUntilPeopleAreAskedThenEditsBecomeANewVersion() throws Exception {
		long id = idFrom(submit("/surveys/lines/" + this.line.key() + "/new", form(". >= 0"), Locale.ENGLISH));
		assertThat(surveys().form(id).question("meses").orElseThrow().constraint()).isEqualTo(". >= 0");

		MockHttpServletResponse editing = this.mvc.perform(get("/surveys/" + id + "/edit").with(user(this.coordinator)))
			.andReturn().getResponse();
		assertThat(editing.getContentAsString()).contains("value=\"meses\"", "value=\". &gt;= 0\"").doesNotContain("id=\"frozen\"");
		assertThat(idFrom(submit("/surveys/" + id + "/edit", form(". >= 0 and . < 120"), Locale.ENGLISH))).isEqualTo(id);
		assertThat(surveys().form(id).question("meses").orElseThrow().constraint()).isEqualTo(". >= 0 and . < 120");

		surveys().invite(id, new Invitation(List.of(randomPhone()), null, null, null));
		assertThat(this.mvc.perform(get("/surveys/" + id + "/edit").with(user(this.coordinator))).andReturn().getResponse()
			.getContentAsString()).contains("id=\"frozen\"");
		long next = idFrom(submit("/surveys/" + id + "/edit", form(". >= 1 and . < 120"), Locale.ENGLISH));
		assertThat(next).isNotEqualTo(id);
		// what people were asked stays as they were asked it
		assertThat(surveys().form(id).question("meses").orElseThrow().constraint()).isEqualTo(". >= 0 and . < 120");
		assertThat(surveys().survey(id).invited()).isEqualTo(1);
		SurveySummary version = surveys().survey(next);
		assertThat(version.version()).isEqualTo("2");
		assertThat(version.previousId()).isEqualTo(id);
		assertThat(version.invited()).isZero();
		assertThat(surveys().form(next).question("meses").orElseThrow().constraint()).isEqualTo(". >= 1 and . < 120");
		assertThat(this.mvc.perform(get("/surveys/" + id).with(user(this.coordinator))).andReturn().getResponse().getContentAsString())
			.contains("/surveys/" + next);
	}

	@Test
	void theXlsFormDownloadImportsAsTheSameForm() throws Exception {
		long id = surveys().importForm(this.line.key(), XlsForms.everyType().bytes());
		MockHttpServletResponse file = this.mvc.perform(get("/api/surveys/" + id + "/xlsform").with(user(this.coordinator)))
			.andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(file.getHeader("Content-Disposition")).contains("needs_2026-v1.xlsx");
		long again = surveys().importForm(this.line.key(), file.getContentAsByteArray());
		assertThat(surveys().form(again).questions()).extracting(Question::name)
			.containsExactlyElementsOf(surveys().form(id).questions().stream().map(Question::name).toList());
		assertThat(XlsFormReader.read(new ByteArrayInputStream(file.getContentAsByteArray())).choices())
			.isEqualTo(surveys().form(id).choices());
	}

	@Test
	void aCoordinatorAddsTheReadyMadeInformationNeedsSurveyToTheLine() throws Exception {
		MockHttpServletResponse list = this.mvc.perform(get("/surveys/lines/" + this.line.key()).with(user(this.coordinator)))
			.andReturn().getResponse();
		assertThat(list.getContentAsString()).contains("ready-made-information-needs");
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("name", "information-needs");
		long id = idFrom(submit("/surveys/lines/" + this.line.key() + "/ready-made", params, Locale.ENGLISH));
		assertThat(surveys().survey(id).formId()).isEqualTo("information_needs");
		assertThat(surveys().form(id).question("topics").orElseThrow().labels()).containsKeys("es", "en", "pt", "fr", "ht");
		params.set("name", "../../etc/passwd");
		MvcResult refused = this.mvc.perform(post("/surveys/lines/" + this.line.key() + "/ready-made").params(params)
			.locale(Locale.ENGLISH).with(user(this.coordinator)).with(csrf())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getFlashMap().get("errorText")).asString().contains("../../etc/passwd");
	}

	@Test
	void aCoordinatorSeesTheClosingQuestionsTheEngineRunsAndDownloadsTheirXlsForm() throws Exception {
		MockHttpServletResponse list = this.mvc.perform(get("/surveys/lines/" + this.line.key()).with(user(this.coordinator))
			.locale(Locale.ENGLISH)).andReturn().getResponse();
		assertThat(list.getContentAsString()).contains("The closing questions of each interaction")
			.contains("how satisfied are you with the help you got?").contains("May we invite you to short surveys here?");
		MockHttpServletResponse file = this.mvc.perform(get("/surveys/lines/" + this.line.key() + "/closing-questions")
			.with(user(this.coordinator))).andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getHeader("Content-Disposition")).contains("closing-closing-v1.xlsx");
		SurveyForm closing = XlsFormReader.read(new ByteArrayInputStream(file.getContentAsByteArray()), ClosingFlow.FACTS);
		assertThat(closing.question("consent_demographics")).isPresent();
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		assertThat(this.mvc.perform(get("/surveys/lines/" + this.line.key() + "/closing-questions").with(user(operator))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void anOperatorMayNeitherOpenNorSaveTheSurveyPage() throws Exception {
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		assertThat(this.mvc.perform(get("/surveys/lines/" + this.line.key() + "/new").with(user(operator))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/surveys/lines/" + this.line.key() + "/new").params(form("")).with(user(operator)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from survey_survey where line_id = ?").param(this.line.id()).query(Long.class).single())
			.isZero();
	}

}
