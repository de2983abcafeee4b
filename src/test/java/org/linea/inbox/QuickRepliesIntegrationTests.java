package org.linea.inbox;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators insert validated answers from the bank instead of typing them. */
class QuickRepliesIntegrationTests extends LineaIntegrationTest {

	@Autowired
	Replies replies;

	@Autowired
	KnowledgeService knowledge;

	@Autowired
	SimulatorService simulator;

	@Test
	void searchFindsValidatedAnswersInTheConversationsLanguageIgnoringAccents() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		try (InputStream bank = getClass().getResourceAsStream("/knowledge/sample-bank.csv")) {
			this.knowledge.seed(line, bank);
		}
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), "tengo una duda personal sobre mi caso", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single() == 1, "a conversation");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single();
		signIn(newUser(organisation, Role.OPERATOR));

		List<QuickReply> found = this.replies.quickReplies(conversation, "donde VACUNAR", null);
		assertThat(found).extracting(QuickReply::key).contains("VAC-01");
		QuickReply vaccine = found.stream().filter(r -> r.key().equals("VAC-01")).findFirst().orElseThrow();
		assertThat(vaccine.text()).startsWith("Puede vacunarse gratis");
		assertThat(vaccine.otherLanguage()).isFalse();
		assertThat(this.replies.quickReplies(conversation, "jabon", null)).extracting(QuickReply::key).containsExactly("HAND-01");
		assertThat(this.replies.quickReplies(conversation, "jabon", EntryKind.KEY_MESSAGE)).isEmpty();
		assertThat(this.replies.quickReplies(conversation, "palabra-que-no-existe", null)).isEmpty();
	}

}
