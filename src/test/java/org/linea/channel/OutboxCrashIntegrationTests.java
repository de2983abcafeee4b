package org.linea.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.linea.channel.FakeProvider.Answer;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SenderKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender dies in the middle of a batch, with a provider call under way, and starts again. */
class OutboxCrashIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private DrainOutbox drain;

	@Autowired
	private ConversationService conversations;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void everyQueuedMessageIsSentExactlyOnceAfterARestart() {
		// the fake reports "sent" (echoing the reference) as soon as it takes a message, as Meta does
		WhatsAppLine wa = whatsAppLine("sent");
		asAdmin(() -> this.accounts.connect(wa.line().key(), Map.of(), 10.0));
		List<Conversation> people = new java.util.ArrayList<>();
		for (int person = 0; person < 4; person++) {
			byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", randomDigits(), "ID",
					"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
			post("/webhooks/whatsapp/" + wa.line().key(), "application/json", inbound,
					Map.of("X-Hub-Signature-256", org.linea.channel.whatsapp.FakeGraphApiAccess.sign(wa.appSecret(), inbound)));
		}
		// all four processed (their replies queued in the same transaction) and every reply sent: with two
		// replies a person, four sent can also be the first two people's alone
		eventually(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is not null", wa.line().id()) == 4
				&& count("select count(*) from channel_outbox where line_id = ? and status = 'SENT'", wa.line().id()) >= 4
				&& count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"the bot's replies are sent");
		this.jdbc.sql("select id from conversation_conversation where line_id = ? order by id").param(wa.line().id()).query(Long.class)
			.list().forEach(id -> people.add(this.conversations.find(id).orElseThrow()));
		assertThat(people).hasSize(4);
		// the fifth message taken by the provider hangs: the sender is killed while it waits for the answer
		this.graph.script(wa.phoneNumberId(), Answer.slow(1), Answer.slow(1), Answer.slow(1), Answer.slow(1), Answer.hang());

		// one transaction: the batch is queued at once, so each round takes one message per person
		this.transactions.executeWithoutResult(status -> {
			for (int i = 1; i <= 20; i++) {
				this.conversations.send(people.get(i % 4), SenderKind.OPERATOR, null, "mensaje " + i);
			}
		});
		eventually(() -> batchBodies(wa).size() == 5, "the fifth message is in the provider's hands");
		this.drain.halt();
		try {
			// a round's sends overlap: the dead sender holds the hung call (SENDING) and what of its round it
			// had not handed over yet (CLAIMED)
			assertThat(count("select count(*) from channel_outbox where line_id = ? and status in ('CLAIMED', 'SENDING')", wa.line().id()))
				.as("messages taken by the dead sender").isPositive();
			this.graph.release(wa.phoneNumberId());
		}
		finally {
			// the node restarts whatever happened: a failure here must not leave the shared context without a sender
			this.drain.resume();
		}

		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"every message is sent after the restart");
		Map<String, Long> sends = batchBodies(wa).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(sends).hasSize(20).allSatisfy((body, times) -> assertThat(times).as(body).isEqualTo(1));
		// the conversation's copy of each status follows the outbox's commit
		eventually(() -> count("select count(*) from conversation_message where line_id = ? and body like 'mensaje %' and status <> 'SENT'",
				wa.line().id()) == 0, "the conversation shows every message sent");
		assertThat(this.jdbc.sql("select status from conversation_message where line_id = ? and body like 'mensaje %'")
			.param(wa.line().id()).query(String.class).list()).hasSize(20).containsOnly("SENT");
	}

	private List<String> batchBodies(WhatsAppLine wa) {
		return this.graph.sent(wa.phoneNumberId()).stream()
			.map(json -> json.path("text").path("body").asString())
			.filter(body -> body.startsWith("mensaje "))
			.toList();
	}

}
