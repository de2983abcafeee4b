package org.linea.knowledge;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.bot.BotService;
import org.linea.bot.DecisionKind;
import org.linea.bot.UnansweredGroup;
import org.linea.inbox.Replies;
import org.linea.web.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Learned phrasings on a real line: the team's work proposes them, nothing reaches the bot before a
 * knowledge manager approves it, an approved one is answered from its entry, the import is all or
 * nothing, and a person's words go with their erasure.
 */
class PhrasingsIntegrationTests extends SimulatorLineWithBankTest {

	private static final String PINCHAZOS = "mi bebe necesita sus pinchazos, a que sitio lo llevo";

	@Autowired
	BotService bot;

	@Autowired
	PhrasingService phrasings;

	@Autowired
	Replies replies;

	/** The language models and the index load on first use, which on a loaded machine outlasts the pipeline's wait. */
	@BeforeEach
	void warmUp() {
		this.bot.test(this.line.key(), "donde ponen la vacuna");
	}

	@Test
	void anUnansweredQuestionAssignedToAnEntryIsAnsweredOnlyOnceApprovedAndForgottenWithThePerson() {
		String phone = randomPhone();
		write(phone, PINCHAZOS);
		eventually(() -> !this.bot.unanswered(this.line.key(), 1).isEmpty(), "the question is listed as unanswered");
		assertThat(this.bot.test(this.line.key(), PINCHAZOS).kind()).isEqualTo(DecisionKind.HANDOFF);
		UnansweredGroup group = this.bot.unanswered(this.line.key(), 1).getFirst();

		assertThat(this.bot.assign(this.line.key(), group.decisionIds(), "vac-01")).isEqualTo(1);
		assertThat(this.bot.test(this.line.key(), PINCHAZOS).kind()).as("nothing joins the bot unreviewed").isEqualTo(DecisionKind.HANDOFF);
		Phrasing proposed = this.phrasings.queue(this.line.key()).getFirst();
		assertThat(proposed.text()).isEqualTo(PINCHAZOS);
		assertThat(proposed.entryKey()).isEqualTo("VAC-01");
		assertThat(proposed.source()).isEqualTo(PhrasingSource.ASSIGNED);

		this.phrasings.approve(this.line.key(), proposed.id());
		assertThat(this.phrasings.queue(this.line.key())).isEmpty();
		assertThat(this.bot.test(this.line.key(), PINCHAZOS).entryKey()).isEqualTo("VAC-01");
		assertThat(this.bot.test(this.line.key(), "mi bebe necesita pinchazos, a que sitio").entryKey()).isEqualTo("VAC-01");
		assertThatThrownBy(() -> this.phrasings.reject(this.line.key(), proposed.id())).hasMessageContaining("already reviewed");

		ApiClient api = new ApiClient(this.port, this.tokens.create(this.coordinator.id(), "phrasings test"));
		String code = this.jdbc.sql("select contact_code from conversation_conversation where id = ?")
			.param(proposed.conversationId()).query(String.class).single();
		assertThat(api.get("/api/lines/" + this.line.key() + "/contacts/" + code + "/export").body()).contains("learnedPhrasings")
			.contains(PINCHAZOS);
		assertThat(api.postJson("/api/lines/" + this.line.key() + "/contacts/" + code + "/erase", "{}").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from knowledge_phrasing where line_id = ?").param(this.line.id()).query(Integer.class)
			.single()).isZero();
		assertThat(this.bot.test(this.line.key(), PINCHAZOS).kind()).as("the erased words leave the index").isEqualTo(DecisionKind.HANDOFF);
	}

	@Test
	void aWrongAnswerCorrectedAndAQuickReplyProposeTheMessagesForReview() {
		String phone = randomPhone();
		write(phone, "donde ponen la vacuna");
		eventuallyReceived(phone, 2);
		long conversation = this.jdbc.sql("select conversation_id from bot_decision where line_id = ? and kind = 'ANSWER'")
			.param(this.line.id()).query(Long.class).single();
		long botMessage = this.jdbc.sql("select max(id) from conversation_message where conversation_id = ? and sender_kind = 'BOT'")
			.param(conversation).query(Long.class).single();
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		signIn(operator);
		assertThatThrownBy(() -> this.bot.markWrong(conversation, botMessage, "NOPE-99")).hasMessageContaining("NOPE-99");
		assertThat(this.bot.markWrong(conversation, botMessage, "cash-01")).isEqualTo("VAC-01");

		String other = randomPhone();
		write(other, "a cuanto esta el dolar hoy");
		eventually(() -> this.jdbc.sql("select count(*) from bot_decision where line_id = ? and kind = 'HANDOFF'").param(this.line.id())
			.query(Integer.class).single() == 1, "the bot hands the question over");
		long second = this.jdbc.sql("select conversation_id from bot_decision where line_id = ? and kind = 'HANDOFF'")
			.param(this.line.id()).query(Long.class).single();
		this.replies.reply(second, "El programa entrega un monto fijo por familia.", false, "CASH-01");

		signIn(this.coordinator);
		List<Phrasing> queue = this.phrasings.queue(this.line.key());
		assertThat(queue).extracting(Phrasing::text, Phrasing::entryKey, Phrasing::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("donde ponen la vacuna", "CASH-01", PhrasingSource.CORRECTED),
					org.assertj.core.groups.Tuple.tuple("a cuanto esta el dolar hoy", "CASH-01", PhrasingSource.QUICK_REPLY));
		this.phrasings.reject(this.line.key(), queue.get(0).id());
		assertThat(this.phrasings.reassign(this.line.key(), queue.get(1).id(), "CASH-02").entryKey()).isEqualTo("CASH-02");
		assertThat(this.phrasings.approved(this.line.id())).containsOnlyKeys("CASH-02");
		assertThat(this.bot.test(this.line.key(), "donde ponen la vacuna").entryKey()).as("a rejected one changes nothing")
			.isEqualTo("VAC-01");

		// operators answer people; reviewing what the bot learns is for those who edit the bank
		signIn(operator);
		assertThatThrownBy(() -> this.phrasings.queue(this.line.key())).isInstanceOf(RuntimeException.class);
	}

	@Test
	void importsLabelledPhrasingsAllOrNothingAndApprovesThem() {
		ApiClient api = new ApiClient(this.port, this.tokens.create(this.coordinator.id(), "phrasings test"));
		String path = "/api/lines/" + this.line.key() + "/knowledge/phrasings";
		String bad = "text,entry\n" + PINCHAZOS + ",VAC-01\n,CASH-01\nhola,NOPE-99\n";
		HttpResponse<String> refused = api.postFile(path, "phrasings.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Row 3: the text is empty").contains("Row 4: the line has no entry NOPE-99");
		assertThat(this.phrasings.approved(this.line.id())).isEmpty();
		assertThat(api.postFile(path, "p.csv", "words,entry\nx,VAC-01\n".getBytes(StandardCharsets.UTF_8)).body())
			.contains("no column text").contains("unknown column");

		String good = "text,entry\n\"" + PINCHAZOS + "\",VAC-01\n\"" + PINCHAZOS + "\",VAC-01\n";
		HttpResponse<String> imported = api.postFile(path, "phrasings.csv", good.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(imported.body()).contains("\"imported\":1").contains("\"unchanged\":1");
		assertThat(this.bot.test(this.line.key(), PINCHAZOS).entryKey()).isEqualTo("VAC-01");
		assertThat(this.phrasings.queue(this.line.key())).as("an import is the review").isEmpty();

		ApiClient operator = new ApiClient(this.port, this.tokens.create(newUser(this.organisation, Role.OPERATOR).id(), "op"));
		assertThat(operator.postFile(path, "phrasings.csv", good.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
	}

}
