package org.linea.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.contact.ContactKeys;
import org.linea.contact.ContactService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook calls stored together in one batch ({@link WebhookWriter}, {@link WebhookBatchStore}) end as
 * if each had been stored alone: every message once, the same message twice answered as a duplicate,
 * one call that cannot be stored failing alone.
 */
@RecordApplicationEvents
class WebhookBatchIntegrationTests extends LineaIntegrationTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	WebhookWriter writer;

	@Autowired
	ContactKeys keys;

	@Autowired
	ContactService contacts;

	@Test
	void aBatchFromManyPeopleStoresEachMessageOnceWithItsSendersKey() throws Exception {
		Line line = newLine(newOrganisation());
		List<WebhookCall> calls = new ArrayList<>();
		List<String> senders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String from = randomPhone();
			senders.add(from);
			calls.add(call(line, message(from, "wamid." + UUID.randomUUID(), "hola " + i)));
		}
		// the first person writes twice in the same batch: their messages keep the order they came in
		calls.add(call(line, message(senders.getFirst(), "wamid." + UUID.randomUUID(), "otra vez")));

		List<List<ReceiveResult>> results = results(this.writer.writeTogether(calls));

		assertThat(results).allSatisfy(result -> assertThat(result).singleElement().satisfies(r -> assertThat(r.duplicate()).isFalse()));
		assertThat(results.get(5).getFirst().inboundId()).isGreaterThan(results.get(0).getFirst().inboundId());
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", line.id())).isEqualTo(6);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'ACCEPTED'", line.id())).isEqualTo(6);
		for (int i = 0; i < 5; i++) {
			long inbound = results.get(i).getFirst().inboundId();
			byte[] sender = this.jdbc.sql("select sender_encrypted from channel_inbound_message where id = ?").param(inbound)
				.query((rs, n) -> rs.getBytes(1)).single();
			assertThat(this.keys.decryptToString(sender)).isEqualTo(senders.get(i));
			byte[] payload = this.jdbc.sql("""
					select e.payload_encrypted from channel_inbound_event e join channel_inbound_message m on m.event_id = e.id where m.id = ?
					""").param(inbound).query((rs, n) -> rs.getBytes(1)).single();
			assertThat(this.keys.decryptToString(payload)).isEqualTo(calls.get(i).rawPayload());
			// sealed with the sender's own data key: erasing them makes both unreadable
			byte[] hash = this.contacts.phoneHash(senders.get(i));
			assertThat(this.jdbc.sql("select count(*) from contact_data_key where line_id = ? and phone_hash = ?").params(line.id(), hash)
				.query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void theSameMessageTwiceInOneBatchIsStoredOnceAndTheSecondCallIsADuplicate() throws Exception {
		Line line = newLine(newOrganisation());
		String from = randomPhone();
		String id = "wamid." + UUID.randomUUID();
		String stored = "wamid." + UUID.randomUUID();
		results(this.writer.writeTogether(List.of(call(line, message(randomPhone(), stored, "antes")))));

		List<List<ReceiveResult>> results = results(this.writer.writeTogether(List.of(call(line, message(from, id, "hola")),
				call(line, message(from, id, "hola")), call(line, message(randomPhone(), stored, "antes")))));

		assertThat(results.get(0).getFirst().duplicate()).isFalse();
		assertThat(results.get(1).getFirst()).isEqualTo(new ReceiveResult(results.get(0).getFirst().inboundId(), true));
		assertThat(results.get(2).getFirst().duplicate()).isTrue();
		assertThat(count("select count(*) from channel_inbound_message where line_id = ? and provider_message_id = ?", line.id(), id))
			.isEqualTo(1);
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", line.id())).isEqualTo(2);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'DUPLICATE'", line.id())).isEqualTo(2);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'ACCEPTED'", line.id())).isEqualTo(2);
	}

	@Test
	void aCallAloneIsStoredAsInABatchAndItsRepetitionIsADuplicateThatStoresNothingTwice() throws Exception {
		Line line = newLine(newOrganisation());
		String from = randomPhone();
		String id = "wamid." + UUID.randomUUID();

		ReceiveResult first = results(this.writer.writeTogether(List.of(call(line, message(from, id, "hola"))))).getFirst().getFirst();
		ReceiveResult again = results(this.writer.writeTogether(List.of(call(line, message(from, id, "hola"))))).getFirst().getFirst();

		assertThat(first.duplicate()).isFalse();
		assertThat(again).isEqualTo(new ReceiveResult(first.inboundId(), true));
		assertThat(count("select count(*) from channel_inbound_message where line_id = ?", line.id())).isEqualTo(1);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'ACCEPTED'", line.id())).isEqualTo(1);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ? and outcome = 'DUPLICATE'", line.id())).isEqualTo(1);
		byte[] sender = this.jdbc.sql("select sender_encrypted from channel_inbound_message where id = ?").param(first.inboundId())
			.query((rs, n) -> rs.getBytes(1)).single();
		assertThat(this.keys.decryptToString(sender)).isEqualTo(from);
	}

	@Test
	void aCallAloneThatCannotBeStoredFailsAndLeavesNothingStored() {
		Line line = newLine(newOrganisation());
		Line gone = new Line(-1, line.organisationId(), "gone", line.name(), line.channelType(), line.countryCode(), line.timeZone(),
				line.languages(), line.openingHours(), line.retentionDays(), line.firstResponseMinutes(), true, null);
		String id = "wamid." + UUID.randomUUID();

		CompletableFuture<List<ReceiveResult>> future = this.writer.writeTogether(List.of(call(gone, message(randomPhone(), id, "uno"))))
			.getFirst();

		assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class);
		assertThat(count("select count(*) from channel_inbound_message where provider_message_id = ?", id)).isZero();
		assertThat(count("select count(*) from channel_inbound_event where line_id = -1")).isZero();
	}

	@Test
	void oneCallThatCannotBeStoredFailsAloneAndTheRestOfTheBatchIsStored() throws Exception {
		Line line = newLine(newOrganisation());
		Line gone = new Line(-1, line.organisationId(), "gone", line.name(), line.channelType(), line.countryCode(), line.timeZone(),
				line.languages(), line.openingHours(), line.retentionDays(), line.firstResponseMinutes(), true, null);
		String before = "wamid." + UUID.randomUUID();
		String after = "wamid." + UUID.randomUUID();

		List<CompletableFuture<List<ReceiveResult>>> futures = this.writer.writeTogether(List.of(call(line, message(randomPhone(), before, "uno")),
				call(gone, message(randomPhone(), "wamid." + UUID.randomUUID(), "dos")), call(line, message(randomPhone(), after, "tres"))));

		assertThat(futures.get(0).get().getFirst().duplicate()).isFalse();
		assertThatThrownBy(() -> futures.get(1).get()).isInstanceOf(ExecutionException.class);
		assertThat(futures.get(2).get().getFirst().duplicate()).isFalse();
		assertThat(this.jdbc.sql("select provider_message_id from channel_inbound_message where line_id = ? order by id").param(line.id())
			.query(String.class).list()).containsExactly(before, after);
	}

	@Test
	void aStatusForAMessageNotKnownYetIsKeptBesideTheMessagesOfItsBatch() throws Exception {
		Line line = newLine(newOrganisation());
		String unknown = "wamid.out-" + UUID.randomUUID();
		DeliveryReport report = new DeliveryReport(unknown, null, DeliveryStatus.DELIVERED, Instant.parse("2026-12-03T10:00:00Z"), null);

		List<List<ReceiveResult>> results = results(this.writer.writeTogether(List.of(call(line, message(randomPhone(), "wamid." + UUID.randomUUID(), "hola")),
				new WebhookCall(line, "{\"statuses\":[]}", "application/json", List.of(), List.of(report)),
				new WebhookCall(line, "{\"statuses\":[]}", "application/json", List.of(), List.of(report)))));

		assertThat(results.get(0)).singleElement().satisfies(result -> assertThat(result.duplicate()).isFalse());
		assertThat(results.get(1)).isEmpty();
		assertThat(count("select count(*) from channel_delivery_report where line_id = ? and provider_message_id = ? and status = 'DELIVERED'",
				line.id(), unknown)).as("kept once for when the send returns").isEqualTo(1);
		assertThat(count("select count(*) from channel_inbound_event where line_id = ?", line.id())).isEqualTo(3);
	}

	@Test
	void theStatusesOfABatchAreRecordedTogetherAsEachWouldBeAlone() throws Exception {
		Line line = newLine(newOrganisation());
		long contact = this.contacts.findOrCreate(line, randomPhone(), null).id();
		String sent = "wamid.out-" + UUID.randomUUID();
		String returning = "wamid.out-" + UUID.randomUUID();
		long sentMessage = System.nanoTime();
		long returningMessage = sentMessage + 1;
		this.jdbc.sql("insert into channel_outbox (line_id, message_id, contact_id, status, provider_message_id) values (?, ?, ?, 'SENT', ?)")
			.params(line.id(), sentMessage, contact, sent).update();
		// its send call has not returned: the first report ties it by the echoed reference, the next finds it by id
		long returningRow = this.jdbc.sql("insert into channel_outbox (line_id, message_id, contact_id, status) values (?, ?, ?, 'SENDING') returning id")
			.params(line.id(), returningMessage, contact).query(Long.class).single();
		Instant at = Instant.parse("2026-12-04T10:00:00Z");
		List<DeliveryReport> first = List.of(new DeliveryReport(sent, null, DeliveryStatus.SENT, at, null),
				new DeliveryReport(sent, null, DeliveryStatus.DELIVERED, at.plusSeconds(1), null));
		List<DeliveryReport> second = List.of(new DeliveryReport(returning, "linea-" + returningRow, DeliveryStatus.SENT, at, null),
				new DeliveryReport(returning, null, DeliveryStatus.DELIVERED, at.plusSeconds(2), null));
		List<DeliveryReport> again = List.of(new DeliveryReport(sent, null, DeliveryStatus.DELIVERED, at.plusSeconds(1), null));

		this.events.clear();
		results(this.writer.writeTogether(List.of(statuses(line, first), statuses(line, second), statuses(line, again))));

		assertThat(count("select count(*) from channel_delivery_report where line_id = ?", line.id())).as("the repetition ignored").isEqualTo(4);
		assertThat(this.jdbc.sql("select provider_message_id from channel_outbox where id = ?").param(returningRow).query(String.class).single())
			.isEqualTo(returning);
		assertThat(this.events.stream(MessageStatusChanged.class).map(changed -> changed.messageId() + " " + changed.status()))
			.containsExactly(sentMessage + " SENT", sentMessage + " DELIVERED", returningMessage + " SENT", returningMessage + " DELIVERED");
	}

	@Test
	void aBatchsReportsOnBulkMessagesAreOneEventInTheOrderTheyCame() throws Exception {
		Line line = newLine(newOrganisation());
		long contact = this.contacts.findOrCreate(line, randomPhone(), null).id();
		String first = "wamid.bulk-" + UUID.randomUUID();
		String second = "wamid.bulk-" + UUID.randomUUID();
		String conversation = "wamid.out-" + UUID.randomUUID();
		long reference = System.nanoTime();
		long message = reference + 2;
		this.jdbc.sql("""
				insert into channel_outbox (line_id, message_id, contact_id, status, provider_message_id, bulk)
				values (?, ?, ?, 'SENT', ?, true), (?, ?, ?, 'SENT', ?, true), (?, ?, ?, 'SENT', ?, false)
				""").params(line.id(), -reference, contact, first, line.id(), -(reference + 1), contact, second, line.id(), message, contact,
				conversation).update();
		Instant at = Instant.parse("2026-12-04T10:00:00Z");
		List<DeliveryReport> reports = List.of(new DeliveryReport(first, null, DeliveryStatus.DELIVERED, at, null),
				new DeliveryReport(conversation, null, DeliveryStatus.DELIVERED, at, null),
				new DeliveryReport(second, null, DeliveryStatus.READ, at, null));

		this.events.clear();
		results(this.writer.writeTogether(List.of(statuses(line, reports), statuses(line,
				List.of(new DeliveryReport(first, null, DeliveryStatus.READ, at.plusSeconds(1), null), reports.getFirst())))));

		assertThat(this.events.stream(BulkMessagesReported.class).map(batch -> batch.reports().stream()
			.map(changed -> changed.messageId() + " " + changed.status()).toList()))
			.as("one event for the batch, the repetition left out")
			.containsExactly(List.of(-reference + " DELIVERED", -(reference + 1) + " READ", -reference + " READ"));
		assertThat(this.events.stream(MessageStatusChanged.class).map(changed -> changed.messageId() + " " + changed.status()))
			.as("a conversation message's report on its own, as before").containsExactly(message + " DELIVERED");
	}

	private static WebhookCall statuses(Line line, List<DeliveryReport> reports) {
		return new WebhookCall(line, "{\"statuses\":[]}", "application/json", List.of(), reports);
	}

	private static WebhookCall call(Line line, InboundMessage message) {
		return new WebhookCall(line, "{\"id\":\"" + message.providerMessageId() + "\"}", "application/json", List.of(message), List.of());
	}

	private static InboundMessage message(String from, String id, String text) {
		return new InboundMessage(id, from, "Ana", MessageKind.TEXT, text, null, Instant.parse("2026-12-03T09:00:00Z"));
	}

	private static List<List<ReceiveResult>> results(List<CompletableFuture<List<ReceiveResult>>> futures) throws Exception {
		List<List<ReceiveResult>> results = new ArrayList<>();
		for (CompletableFuture<List<ReceiveResult>> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
