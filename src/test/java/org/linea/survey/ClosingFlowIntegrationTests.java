package org.linea.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** After closing, the person is asked for satisfaction and consent over the channel. */
class ClosingFlowIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	ClosingFlow closingFlow;

	private Organisation organisation;

	private Line line;

	private String number;

	@BeforeEach
	void personInTheQueue() {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.number = randomPhone();
	}

	private List<SimulatorMessage> phone() {
		return this.simulator.thread(this.line, this.number);
	}

	private String lastReceived() {
		return phone().reversed().stream().filter(m -> m.direction().equals("OUT")).findFirst().orElseThrow().text();
	}

	private void write(String text) {
		this.simulator.write(this.line, new SimulatedMessageRequest(this.number, text, null));
		settled(this.line);
	}

	private long contactId() {
		return this.jdbc.sql("select id from contact_contact where line_id = ?").param(this.line.id()).query(Long.class).single();
	}

	/** The person writes, an operator answers and closes the conversation with its coding. */
	private void helpedAndClosed() {
		write("hola, una consulta sobre el bono");
		long conversation = this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		signIn(newUser(this.organisation, Role.OPERATOR));
		this.replies.reply(conversation, "El pago es el día 15.", false);
		this.closing.close(conversation, new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION),
				FeedbackType.QUESTION));
		settled(this.line);
	}

	@Test
	void theWholeFlowRecordsSatisfactionConsentAndDemographicsWithPreferNotToSay() {
		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		write("5");
		assertThat(lastReceived()).contains("guardar algunos datos");
		write("si");
		assertThat(lastReceived()).contains("género");
		write("prefiero no decir");
		assertThat(lastReceived()).contains("edad");
		write("2");
		assertThat(lastReceived()).contains("ciudad o distrito");
		write("0");
		assertThat(lastReceived()).contains("situación");
		write("4");
		assertThat(lastReceived()).contains("mensajes informativos");
		write("1");
		assertThat(lastReceived()).contains("encuestas");
		write("no");
		assertThat(lastReceived()).contains("¡Gracias!");

		long contact = contactId();
		assertThat(this.jdbc.sql("select satisfaction || ':' || outcome from bot_closing_flow where contact_id = ?").param(contact)
			.query(String.class).single()).isEqualTo("5:COMPLETED");
		assertThat(this.jdbc.sql("select gender || '|' || age_range || '|' || location || '|' || migrant_status from contact_demographics where contact_id = ?")
			.param(contact).query(String.class).single())
			.isEqualTo("PREFER_NOT_TO_SAY|18_29|PREFER_NOT_TO_SAY|DONT_KNOW_OR_PREFER_NOT_TO_SAY");
		assertThat(this.jdbc.sql("""
				select purpose || ':' || event || ':' || wording_version from contact_consent_event
				where contact_id = ? and event <> 'ASKED' order by id""").param(contact).query(String.class).list())
			.containsExactly("DEMOGRAPHICS:GIVEN:closing-v1", "BROADCASTS:GIVEN:closing-v1", "SURVEYS:REFUSED:closing-v1");
		assertThat(this.jdbc.sql("select count(*) from contact_consent_event where contact_id = ? and event = 'ASKED'").param(contact)
			.query(Long.class).single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select feedback_type from feedback_coding where line_id = ?").param(this.line.id())
			.query(String.class).single()).isEqualTo("QUESTION");
		// the answers stay in the closed conversation; nothing waits in the queue
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void refusingToShareDataSkipsTheDemographicQuestionsAndKeepsNothing() {
		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		write("3");
		write("2");
		assertThat(lastReceived()).contains("mensajes informativos");
		assertThat(this.jdbc.sql("select count(*) from contact_demographics where contact_id = ?").param(contactId())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aNewQuestionInsteadOfAnAnswerEndsTheFlowAndOpensANewConversation() {
		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		write("y cuando pagan el segundo bono?");
		assertThat(this.jdbc.sql("select outcome from bot_closing_flow where contact_id = ?").param(contactId()).query(String.class)
			.single()).isEqualTo("STOPPED");
		assertThat(this.jdbc.sql("select state from conversation_conversation where line_id = ? order by id").param(this.line.id())
			.query(String.class).list()).containsExactly("CLOSED", "QUEUED");
	}

	@Test
	void someoneWhoDidNotAnswerIsNotAskedTheNextTimeButTheTimeAfter() {
		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		// a day passes without an answer
		this.jdbc.sql("update bot_closing_flow set last_asked_at = now() - interval '25 hours' where contact_id = ?").param(contactId())
			.update();
		this.closingFlow.expireUnanswered();

		helpedAndClosed();
		eventually(() -> this.jdbc.sql("select count(*) from bot_closing_flow where contact_id = ?").param(contactId())
			.query(Long.class).single() == 2, "second closing");
		assertThat(this.jdbc.sql("select outcome from bot_closing_flow where contact_id = ? order by id").param(contactId())
			.query(String.class).list()).containsExactly("NO_ANSWER", "SKIPPED");
		assertThat(lastReceived()).doesNotContain("del 1 (nada) al 5");

		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "asked again the third time");
	}

	@Test
	void someoneWhoOptedOutWhileQueuedIsAskedNoClosingQuestionsWhenTheOperatorCloses() {
		write("hola, una consulta sobre el bono");
		long conversation = this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		write("BAJA");
		assertThat(lastReceived()).contains("no recibirás más mensajes");
		assertThat(this.jdbc.sql("select state from conversation_conversation where id = ?").param(conversation).query(String.class)
			.single()).as("the person still waits for the team").isEqualTo("QUEUED");
		int before = phone().size();

		signIn(newUser(this.organisation, Role.OPERATOR));
		this.replies.reply(conversation, "El pago es el día 15.", false);
		this.closing.close(conversation, new Coding(List.of("transferencias"), List.of(), FeedbackType.QUESTION));
		settled(this.line);

		assertThat(this.jdbc.sql("select state from conversation_conversation where id = ?").param(conversation).query(String.class)
			.single()).isEqualTo("CLOSED");
		assertThat(phone().subList(before, phone().size())).extracting(SimulatorMessage::text).containsExactly("El pago es el día 15.");
		assertThat(this.jdbc.sql("select count(*) from bot_closing_flow where contact_id = ?").param(contactId()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void bajaInTheMiddleOfTheClosingQuestionsEndsThemAndNothingMoreIsAsked() {
		helpedAndClosed();
		eventually(() -> lastReceived().contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		write("4");
		assertThat(lastReceived()).contains("guardar algunos datos");

		write("BAJA");
		assertThat(lastReceived()).contains("no recibirás más mensajes");
		assertThat(this.jdbc.sql("select coalesce(outcome, 'UNFINISHED') from bot_closing_flow where contact_id = ?").param(contactId())
			.query(String.class).single()).isEqualTo("STOPPED");
		int before = phone().size();
		// "1" would have been "yes, keep my data" to the pending question
		write("1");
		assertThat(phone().subList(before, phone().size())).extracting(SimulatorMessage::text)
			.noneMatch(text -> text.contains("género") || text.contains("mensajes informativos") || text.contains("encuestas"));
		assertThat(this.jdbc.sql("select count(*) from contact_consent_event where contact_id = ? and purpose = 'DEMOGRAPHICS' and event = 'GIVEN'")
			.param(contactId()).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select opted_out_at is not null from contact_contact where id = ?").param(contactId())
			.query(Boolean.class).single()).isTrue();
	}

	/** The engine's reading of a reply to a question of the closing form. */
	private static Optional<String> read(String question, String text) {
		return ClosingFlow.read(ClosingFlow.form().question(question).orElseThrow(), Map.of(), text, "es");
	}

	@Test
	void readsAnswersAsPeopleWriteThem() {
		assertThat(read("satisfaction", " 4 ")).contains("4");
		assertThat(read("satisfaction", "5 muy bien gracias")).contains("5");
		assertThat(read("satisfaction", "9")).isEmpty();
		assertThat(read("satisfaction", "prefiero no decir")).isEmpty();
		assertThat(read("consent_surveys", "Sí")).contains("YES");
		assertThat(read("consent_surveys", "no gracias")).contains("NO");
		assertThat(read("consent_surveys", "nose")).isEmpty();
		assertThat(read("gender", "1")).contains("FEMALE");
		assertThat(read("migrant_status", "no sé")).contains("DONT_KNOW_OR_PREFER_NOT_TO_SAY");
		assertThat(read("location", "San Juan de Lurigancho")).contains("San Juan de Lurigancho");
	}

	@Test
	void readsAnswersInEveryLanguageOfTheLine() {
		assertThat(read("satisfaction", "muy bien, gracias")).contains("5");
		assertThat(read("satisfaction", "tres")).contains("3");
		assertThat(read("satisfaction", "más o menos")).contains("3");
		assertThat(read("satisfaction", "nada mal")).contains("4");
		assertThat(read("satisfaction", "very bad")).contains("1");
		assertThat(read("satisfaction", "péssimo")).contains("1");
		assertThat(read("satisfaction", "mais ou menos")).contains("3");
		assertThat(read("satisfaction", "Très bien, merci !")).contains("5");
		assertThat(read("satisfaction", "pas mal")).contains("4");
		assertThat(read("satisfaction", "trè byen")).contains("5");
		assertThat(read("satisfaction", "pa bon")).contains("2");
		assertThat(read("satisfaction", "una pregunta más")).isEmpty();
		assertThat(read("consent_surveys", "Sim, pode")).contains("YES");
		assertThat(read("consent_surveys", "não, obrigada")).contains("NO");
		assertThat(read("consent_surveys", "d'accord")).contains("YES");
		assertThat(read("consent_surveys", "Non")).contains("NO");
		assertThat(read("consent_surveys", "wi")).contains("YES");
		assertThat(read("consent_surveys", "mwen pa vle")).contains("NO");
		assertThat(read("gender", "prefiro não dizer")).contains("PREFER_NOT_TO_SAY");
		assertThat(read("age_range", "je préfère ne pas le dire")).contains("PREFER_NOT_TO_SAY");
		assertThat(read("migrant_status", "m pa konnen")).contains("DONT_KNOW_OR_PREFER_NOT_TO_SAY");
		assertThat(read("location", "mwen pito pa di")).contains("PREFER_NOT_TO_SAY");
	}

}
