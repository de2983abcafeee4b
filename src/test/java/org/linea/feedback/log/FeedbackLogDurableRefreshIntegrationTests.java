package org.linea.feedback.log;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh of an interaction's record after its change commits is recorded in the event
 * publication registry: when it fails (or its node dies first), the resubmission round still brings
 * the log, and every figure built on it, up to date. Here the log refuses the line's records until
 * the round.
 */
class FeedbackLogDurableRefreshIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	private IncompleteEventPublications incomplete;

	@AfterEach
	void acceptAgain() {
		this.jdbc.sql("drop trigger if exists test_refuse_log on feedback_log").update();
		this.jdbc.sql("drop function if exists test_refuse_log()").update();
	}

	@Test
	void aClosedInteractionWhoseRefreshFailedReachesTheLogWhenItsReactionIsRunAgain() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		this.jdbc.sql("""
				create function test_refuse_log() returns trigger language plpgsql as $$
				begin
				  if new.line_id = %d then
				    raise exception 'test: feedback log refused';
				  end if;
				  return new;
				end $$
				""".formatted(line.id())).update();
		this.jdbc.sql("create trigger test_refuse_log before insert or update on feedback_log for each row execute function test_refuse_log()")
			.update();

		long conversation = answeredAndClosed(line, randomPhone(), newUser(organisation, Role.OPERATOR),
				new Coding(List.of("albergue"), List.of(), FeedbackType.REQUEST_FOR_HELP));
		assertThat(this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(conversation)
			.query(Integer.class).single()).as("every refresh failed").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from event_publication
				where listener_id like 'org.linea.feedback.log.FeedbackLogRecorder.%' and completion_date is null and serialized_event ~ ?
				""").param("\"conversationId\":" + conversation + "[,}]").query(Integer.class).single())
			.as("the failed refreshes are kept").isPositive();

		acceptAgain();
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		eventually(() -> "REQUEST_FOR_HELP".equals(this.jdbc.sql("select feedback_type from feedback_log where conversation_id = ?")
			.param(conversation).query(String.class).optional().orElse(null)), "the resubmitted refresh writes the coded record");
		assertThat(this.jdbc.sql("select closed_at is not null from feedback_log where conversation_id = ?").param(conversation)
			.query(Boolean.class).single()).isTrue();
	}

}
