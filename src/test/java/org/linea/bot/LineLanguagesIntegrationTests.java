package org.linea.bot;

import org.linea.knowledge.MessageLanguage;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineService;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.access.ChannelType;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a line speaking es, en, pt, fr and ht, a person is greeted, handed over and asked the closing
 * questions in the language they write in, and their answers in words are understood.
 */
class LineLanguagesIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	LineService lineService;

	@Autowired
	MessageLanguage languages;

	private Line line;

	private String number;

	private Organisation fiveLanguages() {
		Organisation organisation = newOrganisation();
		this.line = this.lineService.create(new LineForm(organisation.id(), unique("line"), "Línea de prueba", ChannelType.SIMULATOR,
				"PE", "America/Lima", List.of("es", "en", "pt", "fr", "ht"), "", 30, 30));
		this.number = randomPhone();
		// the language models load once per set of languages, which on a busy machine takes longer than a message may
		this.languages.detect("una frase para cargar los modelos", this.line.languages(), "es");
		return organisation;
	}

	private List<String> received() {
		return this.simulator.thread(this.line, this.number).stream().filter(m -> m.direction().equals("OUT"))
			.map(SimulatorMessage::text).toList();
	}

	private void write(String text) {
		this.simulator.write(this.line, new SimulatedMessageRequest(this.number, text, null));
		settled(this.line);
	}

	private String conversationLanguage() {
		return this.jdbc.sql("select language from conversation_conversation where line_id = ? order by id desc limit 1")
			.param(this.line.id()).query(String.class).single();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pt | Olá, bom dia, preciso falar com uma pessoa | Olá! Você está escrevendo para | Uma pessoa da nossa equipe
			fr | Bonjour, je veux parler à quelqu'un        | Bonjour ! Vous écrivez à       | Une personne de notre équipe
			ht | Bonjou, mwen bezwen pale ak yon moun        | Bonjou! Ou ap ekri             | Yon moun nan ekip nou an
			en | Hello, good morning, I want to talk to a person | Hello! You are writing to  | A person from our team
			""")
	void greetedAndHandedOverInTheirOwnLanguage(String language, String message, String greeting, String handoff) {
		fiveLanguages();
		write(message);
		assertThat(received()).hasSize(2);
		assertThat(received().get(0)).startsWith(greeting).contains("Línea de prueba");
		assertThat(received().get(1)).contains(handoff);
		assertThat(conversationLanguage()).isEqualTo(language);
		assertThat(this.jdbc.sql("select state from conversation_conversation where line_id = ?").param(this.line.id())
			.query(String.class).single()).isEqualTo("QUEUED");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pt | Olá, bom dia, preciso falar com uma pessoa | 1 (nada) a 5 (muito)        | muito bom, obrigado | 5 | não       | mensagens informativas | sim | pesquisas curtas | Obrigado!
			fr | Bonjour, je veux parler à quelqu'un        | 1 (pas du tout) à 5 (très)  | très bien           | 5 | non merci | messages d'information | oui | courts sondages  | Merci !
			ht | Bonjou, mwen bezwen pale ak yon moun        | 1 (pa ditou) rive 5 (anpil) | byen                | 4 | non       | mesaj enfòmasyon       | wi  | ti sondaj        | Mèsi!
			""")
	void theClosingQuestionsAreAskedAndUnderstoodInTheirLanguage(String language, String message, String satisfactionQuestion,
			String satisfied, String satisfaction, String no, String broadcastsQuestion, String yes, String surveysQuestion,
			String thanks) {
		Organisation organisation = fiveLanguages();
		write(message);
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		signIn(newUser(organisation, Role.OPERATOR));
		this.replies.reply(conversation, "...", false);
		this.closing.close(conversation, new Coding(List.of("linea"), List.of(InformationType.PROGRAMME_INFORMATION),
				FeedbackType.QUESTION));
		eventually(() -> received().getLast().contains(satisfactionQuestion), "the satisfaction question in " + language);
		write(satisfied);
		write(no);
		assertThat(received().getLast()).contains(broadcastsQuestion);
		write(yes);
		assertThat(received().getLast()).contains(surveysQuestion);
		write(no);
		assertThat(received().getLast()).contains(thanks);
		assertThat(this.jdbc.sql("select satisfaction || ':' || outcome from bot_closing_flow where line_id = ?").param(this.line.id())
			.query(String.class).single()).isEqualTo(satisfaction + ":COMPLETED");
		assertThat(this.jdbc.sql("""
				select e.purpose || ':' || e.event from contact_consent_event e join contact_contact c on c.id = e.contact_id
				where c.line_id = ? and e.event <> 'ASKED' order by e.id""").param(this.line.id()).query(String.class).list())
			.containsExactly("DEMOGRAPHICS:REFUSED", "BROADCASTS:GIVEN", "SURVEYS:REFUSED");
	}

}
