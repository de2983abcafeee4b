package org.linea.shared.events;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationClosed;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's reaction to another's event runs after the publisher's commit: when it fails, the
 * publisher's change stands, the registry keeps the reaction, and the resubmission round runs it again.
 */
class AfterCommitReactionsIntegrationTests extends LineaIntegrationTest {

	@Autowired
	private ConversationService conversations;

	@Autowired
	private ContactService contacts;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Autowired
	private FlakyReaction reaction;

	@Test
	void aFailingReactionDoesNotUndoTheChangeAndIsRunAgain() {
		Conversation conversation = newConversation();
		this.reaction.failNextFor(conversation.id());

		assertThat(this.conversations.close(conversation.id(), null, "test")).isTrue();

		assertThat(this.conversations.get(conversation.id()).state()).isEqualTo(ConversationState.CLOSED);
		assertThat(this.reaction.handled(conversation.id())).isZero();
		assertThat(outstandingFor(conversation.id())).isEqualTo(1);

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		assertThat(this.reaction.handled(conversation.id())).isEqualTo(1);
		assertThat(outstandingFor(conversation.id())).isZero();
	}

	@Test
	void aReactionThatSucceedsLeavesNothingOutstanding() {
		Conversation conversation = newConversation();

		this.conversations.close(conversation.id(), null, "test");

		assertThat(this.reaction.handled(conversation.id())).isEqualTo(1);
		assertThat(outstandingFor(conversation.id())).isZero();
	}

	private Conversation newConversation() {
		Line line = newLine(newOrganisation());
		Contact contact = this.contacts.findOrCreate(line, randomPhone(), null);
		return this.conversations.openFor(line, contact);
	}

	private int outstandingFor(long conversationId) {
		return this.jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%ConversationClosed' and serialized_event like ? and completion_date is null
				""").param("%\"conversationId\":" + conversationId + ",%").query(Integer.class).single();
	}

	@TestConfiguration
	static class Reactions {

		@Bean
		FlakyReaction flakyReaction() {
			return new FlakyReaction();
		}

	}

	/** Fails once for the conversations it is told to, then reacts normally. */
	static class FlakyReaction {

		private final Set<Long> failNext = ConcurrentHashMap.newKeySet();

		private final ConcurrentHashMap<Long, AtomicInteger> handled = new ConcurrentHashMap<>();

		void failNextFor(long conversationId) {
			this.failNext.add(conversationId);
		}

		int handled(long conversationId) {
			AtomicInteger count = this.handled.get(conversationId);
			return count == null ? 0 : count.get();
		}

		@AfterCommit
		public void closed(ConversationClosed closed) {
			if (this.failNext.remove(closed.conversationId())) {
				throw new IllegalStateException("the reaction fails this time");
			}
			this.handled.computeIfAbsent(closed.conversationId(), id -> new AtomicInteger()).incrementAndGet();
		}

	}

}
