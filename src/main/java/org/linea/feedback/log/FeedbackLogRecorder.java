package org.linea.feedback.log;

import org.linea.feedback.RecordLock;
import org.linea.feedback.LocalCalendar;
import org.linea.feedback.FeedbackProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.survey.ClosingFlow;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationEvent;
import org.linea.conversation.DeliveryStatusRecorded;
import org.linea.conversation.NoteAdded;
import org.linea.conversation.ConversationService;
import org.linea.survey.SurveyRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.linea.shared.db.Rows.timestamp;

/**
 * Keeps the feedback log's record of each interaction up to date. Conversation changes are gathered
 * per transaction and, once it commits, each touched interaction's record is recomputed from what the
 * conversation, coding, closing flow and consented demographics say now, so a refresh can be repeated
 * safely, on any node. The same refresh is also scheduled, in the changing transaction, as a
 * db-scheduler task a little later: a node that dies between the commit and the refresh cannot leave
 * the record (and every dashboard, report and export built on it) stale.
 */
@Component
public class FeedbackLogRecorder {

	private static final Logger log = LoggerFactory.getLogger(FeedbackLogRecorder.class);


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

	private final TransactionTemplate transactions;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<OneTimeTask<Long>> durableRefresh;

	private final FeedbackProperties properties;

	private final Clock clock;

	/** Off only in the test that shows the durable refresh alone keeps the record right. */
	private volatile boolean refreshAfterCommit = true;

	FeedbackLogRecorder(JdbcClient jdbc, ConversationService conversations, LineService lines, ContactService contacts,
			ClosingFlow closingFlow, SurveyRuns surveys, PlatformTransactionManager transactionManager,
			ObjectProvider<SchedulerClient> scheduler, @Qualifier("feedbackLogRefreshTask") ObjectProvider<OneTimeTask<Long>> durableRefresh,
			FeedbackProperties properties, Clock clock) {
		this.surveys = surveys;
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.lines = lines;
		this.contacts = contacts;
		this.closingFlow = closingFlow;
		this.scheduler = scheduler;
		this.durableRefresh = durableRefresh;
		this.properties = properties;
		this.clock = clock;
		// after a commit the finished transaction's connection may still be bound: work in a new one
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void changed(ConversationEvent event) {
		if (event instanceof DeliveryStatusRecorded || event instanceof NoteAdded) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refreshQuietly(event.conversationId());
			return;
		}
		if (pendingInThisTransaction().add(event.conversationId())) {
			this.scheduler.getObject()
				.scheduleIfNotExists(this.durableRefresh.getObject().instance("conversation-" + event.conversationId(), event.conversationId()),
						Instant.now(this.clock).plus(this.properties.durableRefreshDelay()));
		}
	}

	void refreshAfterCommit(boolean enabled) {
		this.refreshAfterCommit = enabled;
	}

	@SuppressWarnings("unchecked")
	private Set<Long> pendingInThisTransaction() {
		Object existing = TransactionSynchronizationManager.getResource(this);
		if (existing != null) {
			return (Set<Long>) existing;
		}
		Set<Long> pending = new LinkedHashSet<>();
		TransactionSynchronizationManager.bindResource(this, pending);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(FeedbackLogRecorder.this);
				if (status == STATUS_COMMITTED && FeedbackLogRecorder.this.refreshAfterCommit) {
					pending.forEach(FeedbackLogRecorder.this::refreshQuietly);
				}
			}
		});
		return pending;
	}

	private void refreshQuietly(long conversationId) {
		try {
			this.transactions.executeWithoutResult(tx -> refresh(conversationId));
		}
		catch (RuntimeException ex) {
			// the conversation's own change is committed; the record is recomputed at its next change or rebuild
			log.warn("Feedback log record of conversation {} not refreshed: {}", conversationId, ex.toString());
		}
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
