package org.linea.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.FakeProvider.Answer;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.conversation.ConversationState;
import org.linea.inbox.InboxQueue;
import org.linea.inbox.ConversationPage;
import org.linea.inbox.Replies;
import org.linea.inbox.QueueEntry;
import org.linea.inbox.QueueForm;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends whose outcome nobody knows (the provider call timed out, or the sender was killed during it)
 * and for which no status report comes: sent once more, or, on an at-most-once line, put before
 * operators. The test configuration waits {@code confirm-wait: 2s} for the report.
 */
class OutboxUnconfirmedIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private DrainOutbox drain;

	@Autowired
	private InboxQueue inboxQueue;

	@Autowired
	private ConversationPage conversationPage;

	@Autowired
	private Replies replies;

	@Test
	void aTimedOutSendWithoutStatusReportIsSentOnceMoreAndOnlyOnce() {
		WhatsAppLine wa = whatsAppLine();
		this.graph.script(wa.phoneNumberId(), Answer.slow(2500));

		write(wa, randomDigits());

		long first = firstOutboxRow(wa);
		eventually(() -> "UNCONFIRMED".equals(outboxStatus(first)), "the timed-out send waits for a status report");
		eventually(() -> sendsOf(wa, first) == 2 && "SENT".equals(outboxStatus(first)), "with none, it is sent once more");
		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"the person's other replies follow");
		assertThat(sendsPerReference(wa)).allSatisfy((reference, times) -> assertThat(times).as(reference)
			.isEqualTo(reference.equals("linea-" + first) ? 2 : 1));
		// the conversation's copy of each status follows the outbox's commit
		eventually(() -> outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals), "the conversation shows every reply sent");
		assertThat(outgoingStatuses(wa.line())).containsOnly("SENT");
	}

	@Test
	void aReplyInFlightWhenTheSenderIsKilledIsSentOnceMoreAfterTheRestart() {
		// no status report comes: the provider never took it (or never says)
		WhatsAppLine wa = whatsAppLine();
		this.graph.script(wa.phoneNumberId(), Answer.hang());

		write(wa, randomDigits());

		long first = firstOutboxRow(wa);
		eventually(() -> sendsOf(wa, first) == 1, "the first reply is in the provider's hands");
		this.drain.halt();
		this.graph.release(wa.phoneNumberId());
		assertThat(outboxStatus(first)).isEqualTo("SENDING");
		// the dead sender's lease runs out (as it would after linea.outbox.send-timeout)
		this.jdbc.sql("update channel_outbox set locked_until = now() - interval '1 second' where id = ?").param(first).update();

		this.drain.resume();

		eventually(() -> count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"every reply is sent after the restart");
		assertThat(sendsOf(wa, first)).isEqualTo(2);
		// the conversation's copy of each status follows the outbox's commit
		eventually(() -> outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals), "the conversation shows every reply sent");
		assertThat(outgoingStatuses(wa.line())).containsOnly("SENT");
	}

	@Test
	void onAnAtMostOnceLineAnUnconfirmedReplyIsNotRepeatedButShownToOperators() {
		WhatsAppLine wa = whatsAppLineWithKey("at-most-once-test");
		this.graph.script(wa.phoneNumberId(), Answer.slow(2500));

		write(wa, randomDigits());

		long first = firstOutboxRow(wa);
		eventually(() -> "FAILED".equals(outboxStatus(first)), "the reply is given up on after the wait");
		assertThat(sendsOf(wa, first)).as("never repeated").isEqualTo(1);
		long conversation = this.jdbc.sql("select conversation_id from conversation_message where id = (select message_id from channel_outbox where id = ?)")
			.param(first).query(Long.class).single();
		eventually(() -> this.jdbc.sql("select status || ':' || coalesce(error_code, '') from conversation_message where id = (select message_id from channel_outbox where id = ?)")
			.param(first).query(String.class).single().equals("FAILED:LINEA_UNCONFIRMED"), "the message says why");

		LineaUser operator = newUser(this.organisations.get(wa.line().organisationId()), Role.OPERATOR);
		String page = new SignedInClient(this.port).signIn(operator.getUsername(), "a-long-test-password").get("/inbox/queue").body();
		assertThat(page).contains("doubt-flag").containsAnyOf("reply may not have arrived", "puede que la respuesta no haya llegado");
		signIn(operator);
		List<QueueEntry> queue = this.inboxQueue.queue(List.of(wa.line()), new QueueForm("waiting", null, null, null, null));
		assertThat(queue).filteredOn(entry -> entry.conversationId() == conversation).singleElement()
			.satisfies(entry -> {
				assertThat(entry.replyInDoubt()).isTrue();
				assertThat(entry.state()).isNotEqualTo(ConversationState.BOT);
			});
		assertThat(this.conversationPage.view(conversation).replyInDoubt()).isTrue();

		this.replies.reply(conversation, "Le escribimos de nuevo: ¿recibió nuestra respuesta?", false);
		assertThat(this.conversationPage.view(conversation).replyInDoubt()).as("an operator's new message clears the mark").isFalse();
		SecurityContextHolder.clearContext();

		// Meta's report, late: the reply did arrive after all
		this.graph.report(wa.number(), wa.phoneNumberId(), "wamid.late-" + UUID.randomUUID(), "linea-" + first,
				this.graph.sent(wa.phoneNumberId()).getFirst().path("to").asString(), "delivered", null);
		assertThat(outboxStatus(first)).isEqualTo("SENT");
		assertThat(this.jdbc.sql("select status from conversation_message where id = (select message_id from channel_outbox where id = ?)")
			.param(first).query(String.class).single()).isEqualTo("DELIVERED");
		assertThat(sendsOf(wa, first)).isEqualTo(1);
	}

	private void write(WhatsAppLine wa, String from) {
		byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", from, "ID",
				"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
		assertThat(post("/webhooks/whatsapp/" + wa.line().key(), "application/json", inbound,
				Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), inbound))).statusCode()).isEqualTo(200);
	}

	private long firstOutboxRow(WhatsAppLine wa) {
		eventually(() -> count("select count(*) from channel_outbox where line_id = ?", wa.line().id()) > 0, "a reply is queued");
		return this.jdbc.sql("select min(id) from channel_outbox where line_id = ?").param(wa.line().id()).query(Long.class).single();
	}

	private String outboxStatus(long outboxId) {
		return this.jdbc.sql("select status from channel_outbox where id = ?").param(outboxId).query(String.class).single();
	}

	private long sendsOf(WhatsAppLine wa, long outboxId) {
		return sendsPerReference(wa).getOrDefault("linea-" + outboxId, 0L);
	}

	private Map<String, Long> sendsPerReference(WhatsAppLine wa) {
		return this.graph.sent(wa.phoneNumberId()).stream()
			.collect(Collectors.groupingBy(json -> json.path("biz_opaque_callback_data").asString(), Collectors.counting()));
	}

}
