package org.linea.feedback.log;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the bot answers is stored with the conversation's opening, its greeting and its answer in
 * one transaction: four conversation changes, one refresh of the interaction's record after the
 * commit ({@link FeedbackLogRecorder#firstChange}). A trigger counts the record's writes, each refresh
 * writing it once.
 */
class FeedbackLogOneRefreshIntegrationTests extends SimulatorLineWithBankTest {

	@BeforeEach
	void countTheLinesRecordWrites() {
		this.jdbc.sql("create table test_log_write (conversation_id bigint)").update();
		this.jdbc.sql("""
				create function test_count_log_write() returns trigger language plpgsql as $$
				begin
				  if new.line_id = %d then
				    insert into test_log_write values (new.conversation_id);
				  end if;
				  return new;
				end $$
				""".formatted(this.line.id())).update();
		this.jdbc.sql("""
				create trigger test_count_log_write after insert or update on feedback_log
				for each row execute function test_count_log_write()
				""").update();
	}

	@AfterEach
	void stopCounting() {
		this.jdbc.sql("drop trigger if exists test_count_log_write on feedback_log").update();
		this.jdbc.sql("drop function if exists test_count_log_write()").update();
		this.jdbc.sql("drop table if exists test_log_write").update();
	}

	@Test
	void aMessageAnsweredByTheBotRefreshesItsRecordOnce() {
		String phone = randomPhone();
		write(phone, "hola buenas, donde ponen la vacuna??");
		assertThat(eventuallyReceived(phone, 2).get(2).text()).as("greeted and answered").startsWith("Puede vacunarse gratis");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		eventually(() -> recorded(conversation) && outstandingRefreshes(conversation) == 0, "every recorded refresh has run");

		assertThat(this.jdbc.sql("select messages_in, messages_bot from feedback_log where conversation_id = ?").param(conversation)
			.query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2)).single()).as("the one refresh saw the whole transaction").isEqualTo("1/2");
		assertThat(this.jdbc.sql("select count(*) from test_log_write where conversation_id = ?").param(conversation)
			.query(Integer.class).single()).as("refreshes of the record").isEqualTo(1);
	}

	private boolean recorded(long conversation) {
		return this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(conversation)
			.query(Integer.class).single() > 0;
	}

	/** The registry deletes a reaction's row once it has run. */
	private int outstandingRefreshes(long conversation) {
		return this.jdbc.sql("""
				select count(*) from event_publication
				where listener_id like 'org.linea.feedback.log.FeedbackLogRecorder.%' and serialized_event ~ ?
				""").param("\"conversationId\":" + conversation + "[,}]").query(Integer.class).single();
	}

}
