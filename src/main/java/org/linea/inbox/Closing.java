package org.linea.inbox;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.conversation.SenderKind;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SurveyTurns;
import org.linea.conversation.Conversation;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackCodingService;
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

	private final InboxAccess access;

	private final FeedbackCodingService coding;

	private final UserService users;

	Closing(ConversationService conversations, ContactService contacts, ClosingFlow closingFlow, SurveyTurns surveys,
			InboxAccess access, FeedbackCodingService coding, UserService users) {
		this.surveys = surveys;
		this.conversations = conversations;
		this.contacts = contacts;
		this.closingFlow = closingFlow;
		this.access = access;
		this.coding = coding;
		this.users = users;
	}

	/**
	 * The current user codes and ends the interaction, then the line's closing flow asks the person for
	 * satisfaction and consent. The holder closes it; a coordinator may close any.
	 */
	@Transactional
	public void close(long conversationId, Coding coding) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		boolean coordinator = me.can(line.organisationId(), Permission.INBOX_SUPERVISE);
		if (conversation.assigneeId() != null && !conversation.isHeldBy(me.id()) && !coordinator) {
			throw ClaimConflictException.over(conversation, this.users);
		}
		this.coding.code(conversationId, line.id(), coding, me.id());
		if (!close(conversationId, me.id(), "CLOSED_BY_OPERATOR")) {
			throw new ClaimConflictException("error.inbox.conversation-already-closed", null, conversationId);
		}
	}

	/**
	 * Closes the conversation, without checking who asks (the bot, an idle timeout, an operator's close
	 * above); false when it was already closed.
	 */
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
