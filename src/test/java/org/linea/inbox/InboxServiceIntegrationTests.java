package org.linea.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.conversation.ConversationState;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxServiceIntegrationTests extends LineaIntegrationTest {

	static final QueueForm ALL = new QueueForm(null, null, null, null, null);

	static final Coding QUESTION = new Coding(List.of("salud"), List.of(InformationType.HEALTH_INFORMATION), FeedbackType.QUESTION);

	@Autowired
	Claims claims;

	@Autowired
	ConversationPage conversationPage;

	@Autowired
	InboxQueue inboxQueue;

	@Autowired
	Replies replies;

	@Autowired
	Closing closing;

	@Autowired
	ContactDetails contactDetails;

	@Autowired
	SimulatorService simulator;

	private long queuedConversation(Line line, String number) {
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() > 0, "queued");
		return this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(line.id()).query(Long.class).single();
	}

	@Test
	void twoOperatorsClaimingAtOnce_exactlyOneWinsAndTheOtherIsToldWhoHoldsIt() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser luis = newUser(organisation, Role.OPERATOR);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		for (int round = 0; round < 10; round++) {
			long conversation = queuedConversation(line, randomPhone());
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> outcomes = new ArrayList<>();
			for (LineaUser operator : List.of(ana, luis)) {
				outcomes.add(pool.submit(() -> {
					signIn(operator);
					start.await();
					try {
						this.claims.claim(conversation);
						return "won";
					}
					catch (ClaimConflictException ex) {
						return "lost:" + ex.holder();
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("won");
			String winner = results.get(0).equals("won") ? ana.displayName() : luis.displayName();
			assertThat(results).contains("lost:" + winner);
			signIn(ana);
			assertThat(this.conversationPage.view(conversation).holder()).isEqualTo(winner);
		}
		pool.shutdown();
	}

	@Test
	void theQueueShowsCodesAndHoldersAndAnsweringClaimsAndReachesThePhone() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String number = randomPhone();
		long conversation = queuedConversation(line, number);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		signIn(ana);

		QueueEntry entry = this.inboxQueue.queue(List.of(line), ALL).getFirst();
		assertThat(entry.contactCode()).matches("\\d{2}PE\\d{4}");
		assertThat(entry.holder()).isNull();
		assertThat(entry.waitingSince()).isNotNull();
		assertThat(this.conversationPage.view(conversation).maskedPhone()).startsWith("+51 9").contains("•").doesNotContain(number.substring(4, 9));

		this.replies.reply(conversation, "Hola, soy Ana. ¿En qué te ayudo?", false);
		QueueEntry held = this.inboxQueue.queue(List.of(line), ALL).getFirst();
		assertThat(held.heldByMe()).isTrue();
		assertThat(held.state()).isEqualTo(ConversationState.ASSIGNED);
		assertThat(held.waitingSince()).isNull();
		eventually(() -> this.simulator.thread(line, number).stream().anyMatch(m -> m.text().contains("soy Ana")),
				"the answer reached the phone");

		this.closing.close(conversation, QUESTION);
		assertThat(this.inboxQueue.queue(List.of(line), ALL)).isEmpty();
		assertThat(this.conversationPage.view(conversation).conversation().state()).isEqualTo(ConversationState.CLOSED);
	}

	@Test
	void anotherOperatorCannotAnswerOrCloseAHeldConversationButACoordinatorCanClose() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = queuedConversation(line, randomPhone());
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		signIn(ana);
		this.claims.claim(conversation);

		signIn(newUser(organisation, Role.OPERATOR));
		assertThatThrownBy(() -> this.replies.reply(conversation, "yo también", false)).isInstanceOf(ClaimConflictException.class)
			.hasMessageContaining(ana.displayName());
		assertThatThrownBy(() -> this.closing.close(conversation, QUESTION)).isInstanceOf(ClaimConflictException.class);
		assertThat(this.conversationPage.view(conversation).messages()).noneMatch(m -> "yo también".equals(m.body()));

		signIn(newUser(organisation, Role.COORDINATOR));
		this.closing.close(conversation, QUESTION);
		assertThat(this.conversationPage.view(conversation).conversation().state()).isEqualTo(ConversationState.CLOSED);
	}

	@Test
	void revealingTheNumberIsAuditedAndOtherOrganisationsCannotSeeTheConversation() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String number = randomPhone();
		long conversation = queuedConversation(line, number);
		LineaUser ana = newUser(organisation, Role.COORDINATOR);
		signIn(ana);
		assertThat(this.contactDetails.reveal(conversation, "Llamar por la cita de salud").phone()).isEqualTo(number);
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'CONTACT_REVEALED' and user_id = ?")
			.param(ana.id()).query(Long.class).single()).isEqualTo(1);

		signIn(newUser(newOrganisation(), Role.COORDINATOR));
		assertThatThrownBy(() -> this.conversationPage.view(conversation)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.contactDetails.reveal(conversation, "Llamar por la cita")).isInstanceOf(NotFoundException.class);
		signIn(newUser(organisation, Role.ANALYST));
		assertThatThrownBy(() -> this.contactDetails.reveal(conversation, "Llamar por la cita")).isInstanceOf(AccessDeniedException.class);
	}

}
