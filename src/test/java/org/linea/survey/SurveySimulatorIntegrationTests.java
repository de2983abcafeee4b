package org.linea.survey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.contact.ConsentEvent;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.inbox.Closing;
import org.linea.web.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The form with every type, run on the simulator from invitation to results. */
class SurveySimulatorIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	JsonMapper json;

	@Autowired
	RemindUnfinishedSurveys reminders;

	@Autowired
	SurveyService surveys;

	@Autowired
	ContactService contacts;

	@Autowired
	Closing closing;

	private ApiClient api;

	private long surveyId;

	@BeforeEach
	void importTheForm() {
		this.api = new ApiClient(this.port, this.tokens.create(this.coordinator.id(), "surveys"));
		HttpResponse<String> created = this.api.postFile("/api/lines/" + this.line.key() + "/surveys", "needs.xlsx",
				XlsForms.everyType().bytes());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.surveyId = this.json.readTree(created.body()).get("id").asLong();
	}

	private JsonNode invite(String... phones) {
		HttpResponse<String> invited = this.api.postJson("/api/surveys/" + this.surveyId + "/invitations",
				"{\"phones\": [\"" + String.join("\", \"", phones) + "\"]}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
		return this.json.readTree(invited.body());
	}

	private String results() {
		HttpResponse<String> csv = this.api.get("/api/surveys/" + this.surveyId + "/results?format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		return csv.body();
	}

	@Test
	void aPersonAnswersEveryTypeWithReasksAQuestionOfTheirOwnAndResultsAsKoboExportsThem() {
		String phone = randomPhone();
		assertThat(invite(phone).get("invited").asInt()).isEqualTo(1);
		eventually(() -> outgoing(phone).size() >= 3, "the introduction, the note and the first question arrive");
		assertThat(outgoing(phone).get(0)).contains("Necesidades 2026").contains("FIN");
		assertThat(outgoing(phone).get(1)).isEqualTo("Bienvenida a la encuesta de necesidades");
		assertThat(outgoing(phone).get(2)).startsWith("¿Aceptas responder?").contains("1. Sí").contains("2. No");

		reply(phone, "1", "¿Cuántos años tienes?");
		assertThat(reply(phone, "10", "¿Cuántos años tienes?")).first().isEqualTo("La edad va de 15 a 99");
		assertThat(reply(phone, "treinta años 30", "¿Cuántos años tienes?")).first().isEqualTo("Responde con un número entero, por favor.");
		reply(phone, "30", "¿En qué país estás?");
		List<String> city = reply(phone, "Perú", "¿En qué ciudad?");
		assertThat(city.getLast()).contains("1. Lima").contains("2. Cusco").doesNotContain("Bogotá");

		// a question of their own in the middle: the bot answers it, then the survey asks again
		List<String> interrupted = reply(phone, "¿Dónde me puedo vacunar?", "¿En qué ciudad?");
		assertThat(String.join("\n", interrupted)).contains("Puede vacunarse gratis").contains("Volvemos a la encuesta:");

		reply(phone, "2", "¿Qué necesitas?");
		assertThat(reply(phone, "1 2 3", "¿Qué necesitas?")).first().isEqualTo("Como máximo dos");
		reply(phone, "1,2", "¿Cuánto ganas al mes?");
		reply(phone, "1500,5", "¿Cuándo llegaste?");
		reply(phone, "15/03/2025", "¿Algo más que quieras contarnos?");
		reply(phone, "Todo bien, gracias", "Gracias por responder la encuesta.");

		String csv = results();
		assertThat(csv.lines().findFirst().orElseThrow())
			.isEqualTo("\uFEFFrespondent,_wave,consent,age,country,city,needs,income,arrival,comment,_submission_time,_status");
		String row = csv.lines().skip(1).findFirst().orElseThrow();
		assertThat(row).contains(",1,yes,30,pe,cusco,food work,1500.5,2025-03-15,\"Todo bien, gracias\",").endsWith(",complete");
		assertThat(csv).doesNotContain(phone).doesNotContain(phone.substring(1));

		long conversation = this.jdbc.sql("select conversation_id from survey_conversation c join survey_session s on s.id = c.session_id "
				+ "where s.survey_id = ? limit 1").param(this.surveyId).query(Long.class).single();
		eventually(() -> "SURVEY".equals(this.jdbc.sql("select traffic from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).optional().orElse(null)), "the feedback log types the interaction as a survey");
	}

	@Test
	void relevanceSkipsAGroupAndTheStopKeywordEndsTheSurveyAsPartial() {
		String phone = randomPhone();
		invite(phone);
		eventually(() -> outgoing(phone).size() >= 3, "the first question arrives");
		// no consent: the group about the person is not relevant, the needs question comes next
		reply(phone, "No", "¿Qué necesitas?");
		assertThat(String.join("\n", outgoing(phone))).doesNotContain("¿Cuántos años tienes?");
		reply(phone, "fin", "La encuesta se detuvo.");
		write(phone, "1");
		String csv = results();
		assertThat(csv).contains(",1,no,,,,,,,,").contains(",partial");
		assertThat(this.jdbc.sql("select status from survey_session where survey_id = ?").param(this.surveyId).query(String.class).single())
			.isEqualTo("STOPPED");
	}

	@Test
	void aQuestionHandedToTheTeamPausesTheSurveyWhichResumesAfterTheConversationCloses() {
		String phone = randomPhone();
		invite(phone);
		eventually(() -> outgoing(phone).size() >= 3, "the first question arrives");
		write(phone, "a cuanto esta el dolar hoy");
		eventually(() -> this.jdbc.sql("select paused from survey_session where survey_id = ?").param(this.surveyId)
			.query(Boolean.class).single(), "the survey waits for the team");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(this.line.id()).query(Long.class).single();
		// the team has the person: what they write now is for the team, not an answer
		write(phone, "1");
		eventually(() -> this.jdbc.sql("select count(*) from conversation_message where conversation_id = ? and body = '1'")
			.param(conversation).query(Integer.class).single() == 1, "the message reaches the team's conversation");
		assertThat(this.jdbc.sql("select count(*) from survey_answer a join survey_session s on s.id = a.session_id where s.survey_id = ?")
			.param(this.surveyId).query(Integer.class).single()).isZero();
		int before = outgoing(phone).size();
		this.closing.close(conversation, this.coordinator.id(), "DONE");
		// no closing questions on top of the survey; the reminder asks the survey's question again
		assertThat(outgoing(phone)).hasSize(before);
		this.reminders.remindAndExpire(Instant.now().plus(Duration.ofHours(21)));
		eventually(() -> outgoing(phone).size() >= before + 2, "the survey asks again");
		reply(phone, "1", "¿Cuántos años tienes?");
	}

	@Test
	void onePersonTakesOneSurveyAtATimeAndIsNotInvitedTwiceToAWave() {
		String phone = randomPhone();
		invite(phone);
		JsonNode again = invite(phone);
		assertThat(again.get("invited").asInt()).isZero();
		assertThat(again.get("skipped").get("busy").asInt()).isEqualTo(1);
		assertThat(again.get("wave").asInt()).isEqualTo(2);
	}

	@Test
	void somebodyWhoDoesNotAnswerIsRemindedThenTheSurveyTimesOut() {
		String phone = randomPhone();
		invite(phone);
		eventually(() -> outgoing(phone).size() >= 3, "the first question arrives");
		Instant now = Instant.now();
		assertThat(this.reminders.remindAndExpire(now.plus(Duration.ofHours(1)))).isZero();
		this.reminders.remindAndExpire(now.plus(Duration.ofHours(21)));
		eventually(() -> outgoing(phone).size() >= 5, "the reminder and the question again arrive");
		assertThat(outgoing(phone).get(3)).contains("Tienes una encuesta pendiente");
		assertThat(outgoing(phone).get(4)).startsWith("¿Aceptas responder?");
		// the reminders are used up: after the timeout the survey ends
		this.reminders.remindAndExpire(now.plus(Duration.ofHours(21 + 49)));
		assertThat(this.jdbc.sql("select status from survey_session where survey_id = ?").param(this.surveyId).query(String.class).single())
			.isEqualTo("TIMED_OUT");
		assertThat(outgoing(phone)).hasSize(5);
	}

	@Test
	void anAudienceIsThePeopleWhoConsentedToSurveys() {
		Contact consenting = this.contacts.findOrCreate(this.line, randomPhone(), null);
		this.contacts.recordConsent(consenting.id(), "SURVEYS", ConsentEvent.GIVEN, "test-v1", "test");
		Contact broadcastsOnly = this.contacts.findOrCreate(this.line, randomPhone(), null);
		this.contacts.recordConsent(broadcastsOnly.id(), "BROADCASTS", ConsentEvent.GIVEN, "test-v1", "test");
		HttpResponse<String> invited = this.api.postJson("/api/surveys/" + this.surveyId + "/invitations",
				"{\"audience\": {\"consent\": \"SURVEYS\"}}");
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
		assertThat(this.json.readTree(invited.body()).get("invited").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("select contact_id from survey_session where survey_id = ?").param(this.surveyId).query(Long.class).list())
			.containsExactly(consenting.id());
		assertThat(this.api.postJson("/api/surveys/" + this.surveyId + "/invitations", "{\"audience\": {\"consent\": \"BROADCASTS\"}}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aLaterWaveAsksTheSameCohortAgainWithRatesAndCostPerCompletedSurveyPerWave() {
		String phone = randomPhone();
		invite(phone);
		eventually(() -> outgoing(phone).size() >= 3, "the first question arrives");
		reply(phone, "2", "¿Qué necesitas?");
		reply(phone, "1", "¿Algo más que quieras contarnos?");
		reply(phone, "-", "Gracias por responder la encuesta.");

		HttpResponse<String> again = this.api.postJson("/api/surveys/" + this.surveyId + "/invitations", "{\"cohortOfWave\": 1}");
		assertThat(this.json.readTree(again.body()).get("wave").asInt()).isEqualTo(2);
		assertThat(this.json.readTree(again.body()).get("invited").asInt()).isEqualTo(1);

		List<WaveFigures> waves = this.surveys.results(this.surveyId, "es").waves();
		assertThat(waves).extracting(WaveFigures::number).containsExactly(1, 2);
		WaveFigures first = waves.get(0);
		assertThat(first.invited()).isEqualTo(1);
		assertThat(first.completed()).isEqualTo(1);
		assertThat(first.responseRate()).isEqualTo(1.0);
		// introduction, note, 3 questions, thanks
		assertThat(first.messagesSent()).isEqualTo(6);
		assertThat(first.costPerComplete()).isEqualByComparingTo("0.06");
		assertThat(waves.get(1).completed()).isZero();
		assertThat(waves.get(1).costPerComplete()).isNull();
		assertThat(results()).contains(",1,no,,,,food,,,,").contains(",complete");
	}

	@Test
	void aBrokenFormIsRefusedNamingSheetRowAndColumn() {
		byte[] broken = new XlsForms().sheet("survey", new String[] { "type", "name", "label" },
				new String[] { "select_one colours", "colour", "Colour" }).sheet("choices", new String[] { "list_name", "name", "label" })
			.bytes();
		HttpResponse<String> refused = this.api.postFile("/api/lines/" + this.line.key() + "/surveys", "broken.xlsx", broken);
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(refused.body()).get("problems").get(0);
		assertThat(problem.get("sheet").asString()).isEqualTo("survey");
		assertThat(problem.get("row").asInt()).isEqualTo(2);
		assertThat(problem.get("column").asString()).isEqualTo("type");
		assertThat(problem.get("code").asString()).isEqualTo("unknownList");
	}

}
