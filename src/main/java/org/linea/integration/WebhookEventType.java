package org.linea.integration;

import java.util.Arrays;
import java.util.Optional;

/** The events an organisation can subscribe a webhook to, by their wire name. */
public enum WebhookEventType {

	/** A person wrote: the conversation, the person's code and the kind of message, no text. */
	MESSAGE_RECEIVED("message.received"),

	/** An interaction was closed. */
	CONVERSATION_CLOSED("conversation.closed"),

	/** An interaction was coded or its coding corrected: feedback type and topics. */
	FEEDBACK_CODED("feedback.coded"),

	/** A safeguarding case was opened: its id, line and time only, never its category or content. */
	CASE_OPENED("case.opened");

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	static Optional<WebhookEventType> ofWireName(String name) {
		return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
	}

}
