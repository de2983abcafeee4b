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
 * Turns what happens in Linea into the events organisations' webhooks receive, inside the transaction
 * of the change. Payloads hold ids, codes and times: never a person's words, number or name, and for a
 * safeguarding case not even its category.
 */
@Component
class WebhookEvents {

	private final WebhookDeliveries deliveries;

	private final LineService lines;

	private final ConversationService conversations;

	WebhookEvents(WebhookDeliveries deliveries, LineService lines, ConversationService conversations) {
		this.deliveries = deliveries;
		this.lines = lines;
		this.conversations = conversations;
	}

	@AfterCommit
	void on(MessageReceived received) {
		enqueueConversationEvent(WebhookEventType.MESSAGE_RECEIVED, received.lineId(), received.conversationId());
	}

	@AfterCommit
	void on(ConversationClosed closed) {
		enqueueConversationEvent(WebhookEventType.CONVERSATION_CLOSED, closed.lineId(), closed.conversationId());
	}

	private void enqueueConversationEvent(WebhookEventType type, long lineId, long conversationId) {
		Line line = this.lines.get(lineId);
		// every message in passes here: nothing more is read for an organisation without such a webhook
		if (this.deliveries.subscribed(line.organisationId(), type).isEmpty()) {
			return;
		}
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

	@AfterCommit
	void on(FeedbackCoded coded) {
		Line line = this.lines.get(coded.lineId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", coded.conversationId());
		data.put("feedbackType", coded.feedbackType().name());
		data.put("topics", coded.topics());
		data.put("correction", coded.correction());
		this.deliveries.enqueue(line.organisationId(), WebhookEventType.FEEDBACK_CODED, line.key(), data);
	}

	@AfterCommit
	void on(CaseOpened opened) {
		if (opened.becameUrgent()) {
			return;
		}
		Line line = this.lines.get(opened.lineId());
		this.deliveries.enqueue(opened.organisationId(), WebhookEventType.CASE_OPENED, line.key(), Map.of("caseId", opened.caseId()));
	}

}
