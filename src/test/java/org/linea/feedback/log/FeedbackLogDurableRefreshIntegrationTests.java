package org.linea.feedback.log;

import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that dies right after an interaction is closed never refreshes its record after the commit:
 * the refresh scheduled in the closing transaction still brings the log (and every figure built on
 * it) up to date.
 */
class FeedbackLogDurableRefreshIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	private FeedbackLogRecorder recorder;

	@AfterEach
	void refreshAgain() {
		this.recorder.refreshAfterCommit(true);
	}

	@Test
	void aClosedInteractionReachesTheLogWithoutTheAfterCommitRefresh() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		this.recorder.refreshAfterCommit(false);

		long conversation = answeredAndClosed(line, randomPhone(), newUser(organisation, Role.OPERATOR),
				new Coding(List.of("albergue"), List.of(), FeedbackType.REQUEST_FOR_HELP));

		eventually(() -> "REQUEST_FOR_HELP".equals(this.jdbc.sql("select feedback_type from feedback_log where conversation_id = ?")
			.param(conversation).query(String.class).optional().orElse(null)), "the durable refresh writes the coded record");
		assertThat(this.jdbc.sql("select closed_at is not null from feedback_log where conversation_id = ?").param(conversation)
			.query(Boolean.class).single()).isTrue();
	}

}
