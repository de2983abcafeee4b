package org.linea.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.conversation.ConversationClosed;
import org.linea.conversation.MessageReceived;
import org.linea.shared.events.AfterCommit;
import org.linea.conversation.ConversationService;
import org.linea.feedback.coding.FeedbackCoded;
import org.linea.safeguarding.CaseOpened;

import org.springframework.stereotype.Component;

/**
 * Turns what happens in Linea into the events organisations' webhooks receive, after the change's
 * commit. Payloads hold ids, codes and times: never a person's words, number or name, and for a
 * safeguarding case not even its category.
 * <p>
 * Each reaction's condition asks {@link #wanted} first: for an organisation with no webhook subscribed
 * to the event, nothing is recorded in the event publication registry and nothing runs after the
 * commit (every message in passes here).
 */
@Component(WebhookEvents.BEAN)
class WebhookEvents {

	static final String BEAN = "webhookEvents";

	private final WebhookDeliveries deliveries;

	private final LineService lines;

	private final ConversationService conversations;

	WebhookEvents(WebhookDeliveries deliveries, LineService lines, ConversationService conversations) {
		this.deliveries = deliveries;
		this.lines = lines;
		this.conversations = conversations;
	}

	/**
	 * Whether some active webhook of the line's organisation is subscribed to this event type: the
	 * reactions' condition, evaluated in the publisher's transaction (so never throws for a missing line).
	 */
	public boolean wanted(long lineId, String type) {
		return this.lines.findById(lineId)
			.map(line -> !this.deliveries.subscribed(line.organisationId(), WebhookEventType.valueOf(type)).isEmpty())
			.orElse(false);
	}

	@AfterCommit(condition = "@webhookEvents.wanted(#root.args[0].lineId(), 'MESSAGE_RECEIVED')")
	void on(MessageReceived received) {
		enqueueConversationEvent(WebhookEventType.MESSAGE_RECEIVED, received.lineId(), received.conversationId());
	}

	@AfterCommit(condition = "@webhookEvents.wanted(#root.args[0].lineId(), 'CONVERSATION_CLOSED')")
	void on(ConversationClosed closed) {
		enqueueConversationEvent(WebhookEventType.CONVERSATION_CLOSED, closed.lineId(), closed.conversationId());
	}

	private void enqueueConversationEvent(WebhookEventType type, long lineId, long conversationId) {
		Line line = this.lines.get(lineId);
		this.conversations.find(conversationId).ifPresent(conversation -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("conversationId", conversation.id());
			data.put("contactCode", conversation.contactCode());
			if (type == WebhookEventType.MESSAGE_RECEIVED) {
				data.put("receivedAt", conversation.lastInboundAt() == null ? null : conversation.lastInboundAt().toString());
			}
			else {
				data.put("closedAt", conversation.closedAt() == null ? null : conversation.closedAt().toString());
				data.put("triage", conversation.triage());
				data.put("tags", conversation.tags());
			}
			this.deliveries.enqueue(line.organisationId(), type, line.key(), data);
		});
	}

	@AfterCommit(condition = "@webhookEvents.wanted(#root.args[0].lineId(), 'FEEDBACK_CODED')")
	void on(FeedbackCoded coded) {
		Line line = this.lines.get(coded.lineId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", coded.conversationId());
		data.put("feedbackType", coded.feedbackType().name());
		data.put("topics", coded.topics());
		data.put("correction", coded.correction());
		this.deliveries.enqueue(line.organisationId(), WebhookEventType.FEEDBACK_CODED, line.key(), data);
	}

	@AfterCommit(condition = "!#root.args[0].becameUrgent() and @webhookEvents.wanted(#root.args[0].lineId(), 'CASE_OPENED')")
	void on(CaseOpened opened) {
		Line line = this.lines.get(opened.lineId());
		this.deliveries.enqueue(opened.organisationId(), WebhookEventType.CASE_OPENED, line.key(), Map.of("caseId", opened.caseId()));
	}

}
