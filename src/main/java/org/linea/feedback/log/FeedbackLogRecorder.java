package org.linea.feedback.log;

import java.util.HashMap;
import java.util.Map;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationEvent;
import org.linea.conversation.ConversationService;
import org.linea.feedback.LocalCalendar;
import org.linea.feedback.RecordLock;
import org.linea.shared.events.AfterCommit;
import org.linea.survey.ClosingFlow;
import org.linea.survey.SurveyRuns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.linea.shared.db.Rows.timestamp;

/**
 * Keeps the feedback log's record of each interaction up to date: after each conversation change
 * commits, the interaction's record is recomputed from what the conversation, coding, closing flow and
 * consented demographics say now, so a refresh can be repeated safely, on any node. An
 * {@link AfterCommit} reaction: recorded in the event publication registry in the changing transaction,
 * so a refresh that fails, or a node that dies between the commit and the refresh, is run again and
 * cannot leave the record (and every dashboard, report and export built on it) stale. Delivery statuses
 * and notes change nothing the record holds, and are not recorded.
 */
@Component
public class FeedbackLogRecorder {

	/**
	 * The interaction's messages are gone (their month partition was dropped once past every line's
	 * retention): the record keeps the counts and times it had, recomputing only the rest.
	 */
	private static final String MESSAGES_GONE = "excluded.messages_in + excluded.messages_bot + excluded.messages_operator = 0";

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	private final LineService lines;

	private final ContactService contacts;

	private final ClosingFlow closingFlow;

	private final SurveyRuns surveys;

	FeedbackLogRecorder(JdbcClient jdbc, ConversationService conversations, LineService lines, ContactService contacts,
			ClosingFlow closingFlow, SurveyRuns surveys) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.lines = lines;
		this.contacts = contacts;
		this.closingFlow = closingFlow;
		this.surveys = surveys;
	}

	@AfterCommit(condition = "!(#root.args[0] instanceof T(org.linea.conversation.DeliveryStatusRecorded)"
			+ " or #root.args[0] instanceof T(org.linea.conversation.NoteAdded)) and @feedbackLogRecorder.firstChange(#root.args[0])")
	void changed(ConversationEvent event) {
		refresh(event.conversationId());
	}

	/**
	 * Whether this is the first change of its conversation in the transaction that publishes it (or it
	 * is published outside one). The refresh after the commit reads all that transaction changed, so
	 * the conversation's later changes in it are neither recorded nor refreshed again: a message in, its
	 * greeting and its answer make one refresh instead of four (each with its registry rows and its own
	 * transaction; 13 % of the CPU of an ingest run). Asked again for the same event after the commit,
	 * the answer is the same.
	 */
	public boolean firstChange(ConversationEvent event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return true;
		}
		FirstChanges first = TransactionSynchronizationManager.getSynchronizations().stream()
			.filter(FirstChanges.class::isInstance)
			.map(FirstChanges.class::cast)
			.findFirst()
			.orElseGet(() -> {
				FirstChanges created = new FirstChanges();
				TransactionSynchronizationManager.registerSynchronization(created);
				return created;
			});
		return first.byConversation.computeIfAbsent(event.conversationId(), id -> event) == event;
	}

	/** The first change of each conversation in one transaction (kept with that transaction's synchronizations). */
	private static final class FirstChanges implements TransactionSynchronization {

		private final Map<Long, ConversationEvent> byConversation = new HashMap<>();

	}

	/** Recomputes the record of one interaction. */
	public void refresh(long conversationId) {
		RecordLock.hold(this.jdbc, conversationId);
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.lines.get(conversation.lineId());
		InteractionFacts facts = InteractionFacts.of(this.conversations.messages(conversationId), conversation.closedAt());
		Map<Demographic, String> demographics = this.contacts.consentedDemographics(conversation.contactId(), conversationId);
		int earlier = this.jdbc.sql("select count(*) from feedback_log where contact_id = ? and conversation_id < ?")
			.params(conversation.contactId(), conversationId).query(Integer.class).single();
		this.jdbc.sql("""
				insert into feedback_log (conversation_id, line_id, organisation_id, record_code, contact_id, returning_contact, channel,
				    language, opened_at, opened_day, opened_week, first_response_at, closed_at, answered_by, operator_ids,
				    messages_in, messages_bot, messages_operator, late, satisfaction, gender, age_range, location, migrant_status,
				    topics, info_types, feedback_type, coded_by, coded_at, traffic, refreshed_at)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?, ?, ?, ?, ?, ?, ?,
				    coalesce(c.topics, '{}'), coalesce(c.info_types, '{}'), c.feedback_type, c.coded_by, c.coded_at, ?, now()
				from (select 1) as one left join feedback_coding c on c.conversation_id = ?
				on conflict (conversation_id) do update set language = excluded.language,
				    first_response_at = case when %1$s then feedback_log.first_response_at else excluded.first_response_at end,
				    closed_at = excluded.closed_at,
				    answered_by = case when %1$s then feedback_log.answered_by else excluded.answered_by end,
				    operator_ids = case when %1$s then feedback_log.operator_ids else excluded.operator_ids end,
				    messages_in = case when %1$s then feedback_log.messages_in else excluded.messages_in end,
				    messages_bot = case when %1$s then feedback_log.messages_bot else excluded.messages_bot end,
				    messages_operator = case when %1$s then feedback_log.messages_operator else excluded.messages_operator end,
				    late = case when %1$s then feedback_log.late else excluded.late end, satisfaction = excluded.satisfaction,
				    gender = excluded.gender, age_range = excluded.age_range, location = excluded.location,
				    migrant_status = excluded.migrant_status, topics = excluded.topics, info_types = excluded.info_types,
				    feedback_type = excluded.feedback_type, coded_by = excluded.coded_by, coded_at = excluded.coded_at,
				    traffic = excluded.traffic,
				    refreshed_at = excluded.refreshed_at
				""".formatted(MESSAGES_GONE))
			.params(conversationId, line.id(), line.organisationId(), "%s-%02d".formatted(conversation.contactCode(), earlier + 1),
					conversation.contactId(), earlier > 0, line.channelType().medium(), conversation.language(),
					timestamp(conversation.openedAt()), LocalCalendar.day(conversation.openedAt(), line.timeZone()),
					LocalCalendar.weekStart(conversation.openedAt(), line.timeZone()), timestamp(facts.firstResponseAt()),
					timestamp(conversation.closedAt()), facts.answeredBy(), facts.operatorIds().toArray(Long[]::new),
					facts.messagesIn(), facts.messagesBot(), facts.messagesOperator(),
					facts.late(conversation.openedAt(), line.firstResponseMinutes()),
					this.closingFlow.satisfaction(conversationId).orElse(null), demographics.get(Demographic.GENDER),
					demographics.get(Demographic.AGE_RANGE), demographics.get(Demographic.LOCATION),
					demographics.get(Demographic.MIGRANT_STATUS),
					this.surveys.carriedSurvey(conversationId) ? "SURVEY" : "FEEDBACK", conversationId)
			.update();
	}

}
