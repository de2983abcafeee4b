package org.linea.survey;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The ready-made information-needs survey runs on the engine as it ships, from invitation to a complete result. */
class ReadyMadeSurveyRunIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	SurveyService surveys;

	@Test
	void theInformationNeedsSurveyRunsFromInvitationToACompleteResult() {
		signIn(this.coordinator);
		long surveyId = this.surveys.addReadyMade(this.line.key(), "information-needs");
		String phone = randomPhone();
		assertThat(this.surveys.invite(surveyId, new Invitation(List.of(phone), null, null, null)).invited()).isEqualTo(1);
		eventually(() -> !outgoing(phone).isEmpty() && outgoing(phone).getLast().contains("¿Sobre qué temas"), "the first question");
		assertThat(String.join("\n", outgoing(phone))).contains("Queremos saber qué información te sirve");

		reply(phone, "1 2 3 4", "hasta 3");                    // the constraint: at most three topics
		reply(phone, "1 9", "¿Qué otro tema?");                 // health and another topic: relevant
		reply(phone, "Transporte", "¿Cómo prefieres");
		reply(phone, "2", "¿Cada cuánto");
		reply(phone, "Solo lo urgente", "¿En quién confías");   // an option's label
		reply(phone, "1", "alguna pregunta");
		reply(phone, "no", "Gracias");                         // no: the open question is not relevant

		SurveyResults results = this.surveys.results(surveyId, "es");
		assertThat(results.rows()).hasSize(1);
		List<String> columns = results.columns();
		List<String> row = results.rows().getFirst();
		assertThat(row.get(columns.indexOf("topics"))).isEqualTo("health other");
		assertThat(row.get(columns.indexOf("topics_other"))).isEqualTo("Transporte");
		assertThat(row.get(columns.indexOf("format"))).isEqualTo("voice");
		assertThat(row.get(columns.indexOf("frequency"))).isEqualTo("urgent_only");
		assertThat(row.get(columns.indexOf("trusted_source"))).isEqualTo("organisations");
		assertThat(row.get(columns.indexOf("unanswered"))).isEqualTo("no");
		assertThat(row.get(columns.indexOf("_status"))).isEqualTo("complete");
	}

}
