package org.linea.survey;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.web.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Free-text survey answers are personal data: in the person's export, gone with their erasure and by retention. */
class SurveyPrivacyIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	JsonMapper json;

	private ApiClient api;

	private long surveyId;

	@BeforeEach
	void aSurveyWithAFreeTextQuestion() {
		this.api = new ApiClient(this.port, this.tokens.create(this.coordinator.id(), "privacy"));
		this.surveyId = this.surveys.importForm(this.line.key(), new XlsForms()
			.sheet("survey", new String[] { "type", "name", "label", "required" },
					new String[] { "select_one yes_no", "helped", "¿Te ayudamos?", "yes" },
					new String[] { "text", "story", "Cuéntanos más", "yes" },
					new String[] { "integer", "people", "¿Cuántas personas viven contigo?", "yes" })
			.sheet("choices", new String[] { "list_name", "name", "label" }, new String[] { "yes_no", "yes", "Sí" },
					new String[] { "yes_no", "no", "No" })
			.bytes());
	}

	/** The person answers the choice and the free text; returns their code. */
	private String answered(String phone, String story) {
		this.surveys.invite(this.surveyId, new Invitation(List.of(phone), null, null, null));
		eventuallyReceived(phone, 2);
		write(phone, "1");
		eventuallyReceived(phone, 3);
		write(phone, story);
		eventuallyReceived(phone, 4);
		return this.jdbc.sql("select respondent_code from survey_session where survey_id = ?").param(this.surveyId).query(String.class)
			.single();
	}

	private List<String> answers() {
		return this.jdbc.sql("select coalesce(value, '<erased>') from survey_answer a join survey_session s on s.id = a.session_id "
				+ "where s.survey_id = ? order by a.question").param(this.surveyId).query(String.class).list();
	}

	@Test
	void theExportShowsTheAnswersAndTheErasureBlanksThemAndEndsTheSurvey() {
		String phone = randomPhone();
		String story = "historia-" + UUID.randomUUID();
		String code = answered(phone, story);

		HttpResponse<String> export = this.api.get("/api/lines/" + this.line.key() + "/contacts/" + code + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		JsonNode section = this.json.readTree(export.body()).get("surveyAnswers");
		assertThat(section.toString()).contains(story).contains("\"question\":\"helped\"");

		assertThat(this.api.postJson("/api/lines/" + this.line.key() + "/contacts/" + code + "/erase", "{}").statusCode()).isEqualTo(200);
		assertThat(answers()).containsExactly("<erased>", "<erased>");
		assertThat(this.jdbc.sql("select status from survey_session where survey_id = ?").param(this.surveyId).query(String.class).single())
			.isEqualTo("STOPPED");
	}

	@Test
	void retentionBlanksFreeTextAnswersAndKeepsTheChoicesForTheFigures() {
		answered(randomPhone(), "historia-" + UUID.randomUUID());
		HttpResponse<String> purge = this.api.postJson("/api/lines/" + this.line.key() + "/privacy/purge", "{\"olderThan\": \"PT0S\"}");
		assertThat(purge.statusCode()).as(purge.body()).isEqualTo(200);
		assertThat(this.json.readTree(purge.body()).get("erased").get(SurveyPersonalData.SURVEY_TEXTS).asInt()).isEqualTo(1);
		assertThat(answers()).containsExactly("yes", "<erased>");
	}

}
