package org.linea.report;

import java.time.LocalDate;
import java.util.List;

import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.LocalCalendar;
import org.linea.feedback.rumour.RumourService;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A week to report on: this week two questions about cash transfers and a complaint, answered by a
 * named operator, rated 5, 4 and 2, one reply failed at the provider, a rumour raised; the week before one question about health.
 */
public abstract class SeededWeekTest extends InteractionsIntegrationTest {

	protected static final String OPERATOR_NAME = "Rosa Quispe Huamán";

	@Autowired
	protected RumourService rumours;

	protected record Week(Organisation organisation, Line line, LineaUser operator, LineaUser coordinator, LocalDate monday) {
	}

	protected Week seedWeek() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		this.jdbc.sql("update admin_user set display_name = ? where id = ?").params(OPERATOR_NAME, operator.id()).update();
		answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION), FeedbackType.QUESTION));
		answeredAndClosed(line, randomPhone(), operator, new Coding(List.of("transferencias"), List.of(), FeedbackType.QUESTION));
		long complaint = answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("conducta_personal"), List.of(), FeedbackType.COMPLAINT));
		long earlier = answeredAndClosed(line, randomPhone(), operator, new Coding(List.of("salud"), List.of(), FeedbackType.QUESTION));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where line_id = ? and feedback_type is not null")
			.param(line.id()).query(Integer.class).single() == 4, "all four logged and coded");
		// the fourth happened the week before
		this.jdbc.sql("update conversation_conversation set opened_at = opened_at - interval '7 days' where id = ?").param(earlier).update();
		this.jdbc.sql("""
				update feedback_log set opened_at = opened_at - interval '7 days', opened_day = opened_day - 7, opened_week = opened_week - 7
				where conversation_id = ?
				""").param(earlier).update();
		// how satisfied the people of this week said they were
		this.jdbc.sql("""
				update feedback_log set satisfaction = (array[5, 4, 2])[(select count(*) from feedback_log o
				    where o.line_id = feedback_log.line_id and o.conversation_id < feedback_log.conversation_id) + 1]
				where line_id = ? and conversation_id <> ?
				""").params(line.id(), earlier).update();
		// a reply the provider refused (once the simulator has reported it delivered, so that report does not overwrite it)
		eventually(() -> this.jdbc.sql("""
				select count(*) from conversation_message where line_id = ? and direction = 'OUT' and status not in ('DELIVERED', 'READ', 'FAILED')
				""").param(line.id()).query(Integer.class).single() == 0, "every reply delivered");
		this.jdbc.sql("""
				update conversation_message set status = 'FAILED', error_code = '131047'
				where id = (select max(id) from conversation_message where line_id = ? and direction = 'OUT' and sender_kind = 'OPERATOR')
				""").param(line.id()).update();
		LocalDate today = this.jdbc.sql("select max(opened_day) from feedback_log where line_id = ?").param(line.id())
			.query(LocalDate.class).single();
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		// a rumour raised this week, none the week before: rising
		signIn(coordinator);
		this.rumours.flag(complaint, null);
		return new Week(organisation, line, operator, coordinator, LocalCalendar.weekStart(today));
	}

}
