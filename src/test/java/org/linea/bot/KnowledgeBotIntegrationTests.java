package org.linea.bot;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.knowledge.Answer;
import org.linea.knowledge.EntryContent;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.EntryStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot on a real line: through the pipeline, the test API, the review of what it could not answer. */
class KnowledgeBotIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	BotService bot;

	@Test
	void answersFromTheBankAndRecordsTheDecision() {
		String phone = randomPhone();
		write(phone, "hola buenas, donde ponen la vacuna??");
		List<SimulatorMessage> thread = eventuallyReceived(phone, 2);
		assertThat(thread.get(2).text()).startsWith("Puede vacunarse gratis");
		assertThat(decisions()).containsExactly(Map.of("kind", "ANSWER", "entry_key", "VAC-01"));
	}

	@Test
	void answersInThePersonsLanguageWhenTheEntryHasIt() {
		String phone = randomPhone();
		write(phone, "where can i get the vaccine?");
		assertThat(eventuallyReceived(phone, 2).get(2).text()).startsWith("You can get vaccinated");
	}

	@Test
	void anEntryNotValidatedIsNeverSent() {
		this.knowledge.setStatus(this.line.key(), "VAC-01", EntryStatus.DRAFT);
		String phone = randomPhone();
		write(phone, "donde ponen la vacuna");
		List<SimulatorMessage> thread = eventuallyReceived(phone, 2);
		assertThat(thread).noneMatch(m -> m.text().startsWith("Puede vacunarse"));
		assertThat(decisions()).singleElement().satisfies(d -> assertThat(d.get("kind")).isEqualTo("HANDOFF"));
	}

	@Test
	void offersAMenuWhenEntriesAreCloseAndAnswersTheNumberChosen() {
		for (String topic : List.of("bono", "vacuna")) {
			EntryContent content = new EntryContent("", "menu", EntryKind.FAQ, "¿Qué documentos piden para la " + topic + "?",
					List.of(), Map.of("es", new Answer("Documentos para " + topic + ".", null)), List.of(), List.of(), "", null);
			String key = this.knowledge.create(this.line.key(), content).key();
			this.knowledge.setStatus(this.line.key(), key, EntryStatus.VALIDATED);
		}
		String phone = randomPhone();
		write(phone, "que documentos piden");
		List<SimulatorMessage> thread = eventuallyReceived(phone, 2);
		assertThat(thread.get(2).text()).contains("1. ", "2. ");
		String second = thread.get(2).text().lines().filter(l -> l.startsWith("2. ")).findFirst().orElseThrow();
		write(phone, "2");
		String answer = eventuallyReceived(phone, 3).get(4).text();
		assertThat(answer).isEqualTo(second.contains("bono") ? "Documentos para bono." : "Documentos para vacuna.");
	}

	@Test
	void handsOverWhenThePersonAsksForAHumanOrDisclosesAbuse() {
		String phone = randomPhone();
		write(phone, "operador");
		eventuallyReceived(phone, 2);
		String other = randomPhone();
		write(other, "mi pareja me pega y hoy me dijo q me mata si lo denuncio");
		// safeguarding takes a disclosure before the bot: only its safe reply is sent, never an entry
		List<SimulatorMessage> thread = eventuallyReceived(other, 1);
		assertThat(thread).noneMatch(m -> m.text().startsWith("Puede") || m.text().startsWith("El programa"));
		assertThat(decisions()).extracting(d -> d.get("kind")).containsExactlyInAnyOrder("HANDOFF", "SENSITIVE");
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(this.line.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theDecideApiSendsNothingAndCreatesNoContact() {
		String token = this.tokens.create(this.coordinator.id(), "test");
		Map<String, Object> body = api(token).post()
			.uri("/api/lines/{key}/bot/decide", this.line.key())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "cuanta plata dan?"))
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(body).containsEntry("decision", "ANSWER").containsEntry("entryId", "CASH-01").containsEntry("language", "es");
		assertThat((List<?>) body.get("candidates")).isNotEmpty();
		assertThat(this.jdbc.sql("select count(*) from contact_contact where line_id = ?").param(this.line.id()).query(Long.class).single())
			.isZero();
		assertThat(decisions()).isEmpty();
	}

	@Test
	void theImportApiRefusesABadFileWithRowsAndReasonsAndExportsTheBank() throws Exception {
		String token = this.tokens.create(this.coordinator.id(), "test");
		byte[] bad;
		try (InputStream in = getClass().getResourceAsStream("/knowledge/bad-rows.csv")) {
			bad = in.readAllBytes();
		}
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(bad) {
			@Override
			public String getFilename() {
				return "bad-rows.csv";
			}
		});
		ResponseEntity<Map> refused = api(token).post()
			.uri("/api/lines/{key}/knowledge/import", this.line.key())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("problems")).extracting(p -> p.get("row"))
			.contains(3, 4, 5, 6, 7);

		ResponseEntity<String> csv = api(token).get()
			.uri("/api/lines/{key}/knowledge/export?format=csv", this.line.key())
			.retrieve()
			.toEntity(String.class);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).startsWith("id,topic,kind,status,question,alt_questions,answer_es").contains("VAC-01").doesNotContain("OK-01");
	}

	@Test
	void operatorsMarkAWrongAnswerAndCoordinatorsSeeItWithWhatWasNotAnswered() {
		String phone = randomPhone();
		write(phone, "donde ponen la vacuna");
		eventuallyReceived(phone, 2);
		write(phone, "a cuanto esta el dolar hoy");
		eventuallyReceived(phone, 3);
		write(randomPhone(), "a cuanto esta el dolar hoy en lima");
		eventually(() -> this.bot.unanswered(this.line.key(), 1).stream().mapToInt(UnansweredGroup::count).sum() == 2,
				"both questions are listed");
		assertThat(this.bot.unanswered(this.line.key(), 1)).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(2));

		long conversation = this.jdbc.sql("select conversation_id from bot_decision where line_id = ? and kind = 'ANSWER'")
			.param(this.line.id()).query(Long.class).single();
		long botMessage = this.jdbc.sql("select max(id) from conversation_message where conversation_id = ? and sender_kind = 'BOT'")
			.param(conversation).query(Long.class).single();
		signIn(newUser(this.organisation, Role.OPERATOR));
		assertThat(this.bot.markWrong(conversation, botMessage)).isEqualTo("VAC-01");
		signIn(this.coordinator);
		assertThat(this.bot.markedWrong(this.line.key(), 1)).singleElement()
			.satisfies(w -> assertThat(w.entryKey()).isEqualTo("VAC-01"));
	}


	private List<Map<String, Object>> decisions() {
		return this.jdbc.sql("select kind, entry_key from bot_decision where line_id = ? order by id")
			.param(this.line.id())
			.query((rs, row) -> {
				Map<String, Object> decision = new java.util.HashMap<>();
				decision.put("kind", rs.getString("kind"));
				if (rs.getString("entry_key") != null) {
					decision.put("entry_key", rs.getString("entry_key"));
				}
				return decision;
			})
			.list();
	}

	private RestClient api(String token) {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).defaultHeader("Authorization", "Bearer " + token).build();
	}

}
