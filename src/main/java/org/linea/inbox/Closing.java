package org.linea.inbox;

import org.linea.conversation.SenderKind;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SurveyTurns;
import org.linea.conversation.Conversation;
import org.linea.survey.ClosingFlow;
import org.linea.contact.ContactService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an interaction, by an operator or the bot, and starts the line's closing flow over the channel
 * (the closing questions run on the survey engine): the first question (satisfaction) goes out unless the person opted out, left the last one unanswered
 * or is taking a survey.
 */
@Service
public class Closing {

	private final ConversationService conversations;

	private final ContactService contacts;

	private final ClosingFlow closingFlow;

	private final SurveyTurns surveys;

	Closing(ConversationService conversations, ContactService contacts, ClosingFlow closingFlow, SurveyTurns surveys) {
		this.surveys = surveys;
		this.conversations = conversations;
		this.contacts = contacts;
		this.closingFlow = closingFlow;
	}

	/** Closes the conversation; false when it was already closed. */
	@Transactional
	public boolean close(long conversationId, Long userId, String reason) {
		if (!this.conversations.close(conversationId, userId, reason)) {
			return false;
		}
		Conversation closed = this.conversations.get(conversationId);
		// someone in the middle of a survey is not asked the closing questions on top of it
		if (!this.contacts.get(closed.contactId()).optedOut() && !this.surveys.running(closed.contactId())) {
			this.closingFlow.start(closed.id(), closed.contactId(), closed.lineId(), closed.language())
				.forEach(question -> this.conversations.send(closed, SenderKind.BOT, null, question));
		}
		return true;
	}

}
