package org.linea.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linea.channel.whatsapp.FakeGraphApiAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation's and the broadcast's reactions to delivery statuses run inside the outbox's
 * transaction, each in a savepoint: one that fails is undone on its own, and neither the outbox's
 * bookkeeping nor the other reactions go with it. The failure is a database trigger refusing the
 * conversation's status update on one line.
 */
class DeliveryReactionFailureIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ApplicationEventPublisher events;

	@AfterEach
	void dropTrigger() {
		this.jdbc.sql("drop trigger if exists test_refuse_status on conversation_message").update();
		this.jdbc.sql("drop function if exists test_refuse_status()").update();
	}

	@Test
	void aFailingConversationReactionLeavesTheOutboxSent() {
		WhatsAppLine wa = whatsAppLine();
		refuseStatus(wa.line().id(), "SENT");

		write(wa);

		eventually(() -> count("select count(*) from channel_outbox where line_id = ?", wa.line().id()) > 0
				&& count("select count(*) from channel_outbox where line_id = ? and status <> 'SENT'", wa.line().id()) == 0,
				"the outbox records every reply sent although the conversation refused the status");
		assertThat(outgoingStatuses(wa.line())).as("the refused reaction undone").doesNotContain("SENT");
		assertThat(this.graph.sent(wa.phoneNumberId())).as("each reply sent once").hasSize(outgoingStatuses(wa.line()).size());
	}

	@Test
	void afterAFailingReactionTheOthersInTheSameTransactionStillApply() {
		WhatsAppLine wa = whatsAppLine();
		write(wa);
		eventually(() -> !outgoingStatuses(wa.line()).isEmpty() && outgoingStatuses(wa.line()).stream().allMatch("SENT"::equals),
				"the replies are sent");
		long message = this.jdbc.sql("select min(id) from conversation_message where line_id = ? and direction = 'OUT'")
			.param(wa.line().id()).query(Long.class).single();
		refuseStatus(wa.line().id(), "DELIVERED");

		// as the outbox does: its own bookkeeping, then the events, in one transaction
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("update channel_outbox set last_error = 'test-bookkeeping' where message_id = ?").param(message).update();
			this.events.publishEvent(new MessageStatusChanged(message, wa.line().id(), DeliveryStatus.DELIVERED, Instant.now(), null));
			this.events.publishEvent(new DeliveryInDoubt(message, wa.line().id(), Instant.now()));
		});

		assertThat(this.jdbc.sql("select last_error from channel_outbox where message_id = ?").param(message).query(String.class).single())
			.as("the publisher's work committed").isEqualTo("test-bookkeeping");
		assertThat(this.jdbc.sql("select status from conversation_message where id = ?").param(message).query(String.class).single())
			.as("the failed reaction undone").isEqualTo("SENT");
		assertThat(count("""
				select count(*) from conversation_conversation
				where id = (select conversation_id from conversation_message where id = ?) and delivery_doubt_at is not null
				""", message)).as("the next reaction applied after the failed one").isEqualTo(1);
	}

	/** The conversation's update of its messages to {@code status} fails on this line, as a broken reaction would. */
	private void refuseStatus(long lineId, String status) {
		this.jdbc.sql("""
				create or replace function test_refuse_status() returns trigger language plpgsql as $$
				begin
				  if new.line_id = %d and new.status = '%s' and old.status is distinct from new.status then
				    raise exception 'test: status refused';
				  end if;
				  return new;
				end $$
				""".formatted(lineId, status)).update();
		this.jdbc.sql("""
				create trigger test_refuse_status before update on conversation_message
				for each row execute function test_refuse_status()
				""").update();
	}

	private void write(WhatsAppLine wa) {
		byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", randomDigits(), "ID",
				"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
		assertThat(post("/webhooks/whatsapp/" + wa.line().key(), "application/json", inbound,
				Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), inbound))).statusCode()).isEqualTo(200);
	}

}
