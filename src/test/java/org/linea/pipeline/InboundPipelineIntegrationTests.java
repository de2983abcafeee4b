package org.linea.pipeline;

import org.linea.conversation.ConversationState;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.channel.ReceiveResult;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.channel.simulator.SimulatorService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InboundPipelineIntegrationTests extends LineaIntegrationTest {

	@Autowired
	SimulatorService simulator;

	@Autowired
	ConversationService conversations;

	private List<SimulatorMessage> phone(Line line, String number) {
		return this.simulator.thread(line, number);
	}

	private long conversationOf(Line line, String code) {
		return this.jdbc.sql("select id from conversation_conversation where line_id = ? and contact_code = ? order by id desc limit 1")
			.params(line.id(), code)
			.query(Long.class)
			.single();
	}

	private String codeOf(Line line) {
		return this.jdbc.sql("select code from contact_contact where line_id = ?").param(line.id()).query(String.class).single();
	}

	@Test
	void aFirstHelloIsGreetedAndHandedToTheTeamWithAPseudonymousCode() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola", null));

		eventually(() -> phone(line, number).size() == 3, "the greeting and the hand-off reached the phone");
		List<SimulatorMessage> thread = phone(line, number);
		assertThat(thread.get(0).text()).isEqualTo("hola");
		assertThat(thread.get(1).text()).startsWith("¡Hola!").contains("Línea de prueba");
		assertThat(thread.get(2).text()).contains("equipo");
		assertThat(thread.subList(1, 3)).allSatisfy(m -> assertThat(m.status()).isEqualTo("DELIVERED"));

		String code = codeOf(line);
		assertThat(code).matches("\\d{2}PE0001");
		Conversation conversation = this.conversations.get(conversationOf(line, code));
		assertThat(conversation.state()).isEqualTo(ConversationState.QUEUED);
		assertThat(conversation.waitingSince()).isNotNull();
		assertThat(conversation.language()).isEqualTo("es");
	}

	@Test
	void phoneNumbersAreStoredOnlyEncryptedAndFoundByKeyedHash() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola", null));
		eventually(() -> phone(line, number).size() == 3, "processed");
		String digits = number.substring(1);
		byte[] stored = this.jdbc.sql("select phone_encrypted from contact_contact where line_id = ?").param(line.id())
			.query(byte[].class).single();
		byte[] raw = this.jdbc.sql("select payload_encrypted from channel_inbound_event where line_id = ?").param(line.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(digits);
		assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(digits).doesNotContain("hola");
	}

	@Test
	void theNextMessageJoinsTheSameConversationWithoutAnotherGreeting() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola", null));
		eventually(() -> phone(line, number).size() == 3, "first message processed");
		this.simulator.write(line, new SimulatedMessageRequest(number, "necesito ayuda con el bono", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'IN'")
			.param(line.id()).query(Long.class).single() == 2, "second message recorded");
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(phone(line, number)).extracting(SimulatorMessage::text)
			.hasSize(4)
			.startsWith("hola")
			.endsWith("necesito ayuda con el bono");
	}

	@Test
	void aProviderDeliveringTheSameMessageTwentyTimesAtOnceStoresItOnceAndAnswersOnce() throws Exception {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<ReceiveResult>> deliveries = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			deliveries.add(() -> this.simulator.write(line, new SimulatedMessageRequest(number, "hola", "wamid.same-1")));
		}
		List<ReceiveResult> results = new ArrayList<>();
		for (Future<ReceiveResult> result : pool.invokeAll(deliveries)) {
			results.add(result.get());
		}
		pool.shutdown();

		assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
		assertThat(results).extracting(ReceiveResult::inboundId).containsOnly(results.getFirst().inboundId());
		eventually(() -> phone(line, number).size() == 3, "answered");
		Thread.sleep(500);
		assertThat(this.jdbc.sql("select count(*) from channel_inbound_message where line_id = ?").param(line.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from conversation_message where line_id = ? and direction = 'IN'")
			.param(line.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from channel_outbox where line_id = ?").param(line.id())
			.query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from channel_inbound_event where line_id = ? and outcome = 'DUPLICATE'")
			.param(line.id()).query(Long.class).single()).isEqualTo(19);
	}

	@Test
	void baja_isRecordedInTheConsentLedgerAndConfirmed() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "BAJA", null));
		eventually(() -> phone(line, number).size() == 2, "opt-out confirmed");
		assertThat(phone(line, number).get(1).text()).contains("no recibirás más mensajes");
		assertThat(this.jdbc.sql("select opted_out_at is not null from contact_contact where line_id = ?").param(line.id())
			.query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("""
				select event || ':' || source from contact_consent_event e join contact_contact c on c.id = e.contact_id
				where c.line_id = ?""").param(line.id()).query(String.class).list()).containsExactly("WITHDRAWN:keyword:BAJA");
		assertThat(this.jdbc.sql("select state from conversation_conversation where line_id = ?").param(line.id())
			.query(String.class).single()).isEqualTo("CLOSED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PARAR", "DETENER", "DESUSCRIBIR", "STOPALL", "STOP", "BAJA", "ALTO", "UNSUBSCRIBE", "CANCELAR",
			"CANCEL", "END", "QUIT", "parar.", " Detener ", "Desuscribirme", "Stop!", "baja" })
	void everyOptOutKeywordOptsThePersonOutAndIsConfirmed(String keyword) {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, keyword, null));
		eventually(() -> phone(line, number).size() == 2, "the opt-out is confirmed");
		assertThat(phone(line, number).get(1).text()).contains("no recibirás más mensajes");
		assertThat(this.jdbc.sql("select opted_out_at is not null from contact_contact where line_id = ?").param(line.id())
			.query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from contact_consent_event e join contact_contact c on c.id = e.contact_id
				where c.line_id = ? and e.event = 'WITHDRAWN'""").param(line.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSentenceWithAKeywordInItIsAnsweredNotTakenAsAnOptOut() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "no quiero que paren la ayuda", null));
		eventually(() -> phone(line, number).size() == 3, "greeted and handed to the team");
		assertThat(this.jdbc.sql("select opted_out_at is null from contact_contact where line_id = ?").param(line.id())
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void outOfHoursTheLineSaysWhenItOpensAndQueuesTheConversation() {
		ZonedDateTime limaNow = ZonedDateTime.now(ZoneId.of("America/Lima"));
		DayOfWeek otherDay = limaNow.getDayOfWeek().plus(2);
		String hours = otherDay.name().substring(0, 3).toUpperCase(Locale.ROOT) + " 09:00-12:00";
		Line line = newLine(newOrganisation(), hours);
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola, hay alguien?", null));
		eventually(() -> phone(line, number).size() == 3, "greeting and out-of-hours reply");
		String reply = phone(line, number).get(2).text();
		assertThat(reply).contains("cerrados").contains("9:00");
		assertThat(this.jdbc.sql("select state from conversation_conversation where line_id = ?").param(line.id())
			.query(String.class).single()).isEqualTo("QUEUED");
	}

}
