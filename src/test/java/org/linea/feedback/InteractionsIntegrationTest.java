package org.linea.feedback;

import org.linea.feedback.coding.Coding;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.inbox.ConversationPage;
import org.linea.inbox.InboxQueue;
import org.linea.inbox.Claims;
import org.linea.inbox.Replies;
import org.linea.inbox.NotesAndMentions;
import org.linea.inbox.Referrals;
import org.linea.inbox.Closing;

import org.springframework.beans.factory.annotation.Autowired;

/** Integration tests that need real interactions: people writing in, operators answering and closing. */
public abstract class InteractionsIntegrationTest extends LineaIntegrationTest {

	@Autowired
	protected SimulatorService simulator;

	@Autowired
	protected ConversationPage conversationPage;

	@Autowired
	protected InboxQueue inboxQueue;

	@Autowired
	protected Claims claims;

	@Autowired
	protected Replies replies;

	@Autowired
	protected NotesAndMentions notes;

	@Autowired
	protected Referrals inboxReferrals;

	@Autowired
	protected Closing closing;

	/** A person writes, an operator answers and closes with a coding; returns the conversation. */
	protected long answeredAndClosed(Line line, String phone, LineaUser operator, Coding coding) {
		int before = this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(line.id())
			.query(Integer.class).single();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola, cuando pagan el bono?", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(line.id())
			.query(Integer.class).single() > before && this.jdbc.sql("""
				select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'
				""").param(line.id()).query(Integer.class).single() > 0, "queued");
		long conversation = this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single();
		signIn(operator);
		this.replies.reply(conversation, "El pago es el lunes.", false);
		this.closing.close(conversation, coding);
		return conversation;
	}

	/** The person writes again (e.g. answers a closing question). */
	protected void answer(Line line, String phone, String text) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
	}

}
