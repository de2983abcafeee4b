package org.linea.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationChanged;
import org.linea.conversation.ConversationService;
import org.linea.feedback.coding.FeedbackCoded;
import org.linea.safeguarding.CaseOpened;

import org.springframework.context.event.EventListener;
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

	@EventListener
	void on(ConversationChanged changed) {
		WebhookEventType type = switch (changed.change()) {
			case MESSAGE_IN -> WebhookEventType.MESSAGE_RECEIVED;
			case CLOSED -> WebhookEventType.CONVERSATION_CLOSED;
			default -> null;
		};
		if (type == null) {
			return;
		}
		Line line = this.lines.get(changed.lineId());
		// every message in passes here: nothing more is read for an organisation without such a webhook
		if (this.deliveries.subscribed(line.organisationId(), type).isEmpty()) {
			return;
		}
		this.conversations.find(changed.conversationId()).ifPresent(conversation -> {
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

	@EventListener
	void on(FeedbackCoded coded) {
		Line line = this.lines.get(coded.lineId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", coded.conversationId());
		data.put("feedbackType", coded.feedbackType().name());
		data.put("topics", coded.topics());
		data.put("correction", coded.correction());
		this.deliveries.enqueue(line.organisationId(), WebhookEventType.FEEDBACK_CODED, line.key(), data);
	}

	@EventListener
	void on(CaseOpened opened) {
		if (opened.becameUrgent()) {
			return;
		}
		Line line = this.lines.get(opened.lineId());
		this.deliveries.enqueue(opened.organisationId(), WebhookEventType.CASE_OPENED, line.key(), Map.of("caseId", opened.caseId()));
	}

}
