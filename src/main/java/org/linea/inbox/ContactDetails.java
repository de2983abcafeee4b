package org.linea.inbox;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.Permission;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneUse;
import org.linea.contact.RevealedIdentity;
import org.linea.contact.SharedPhones;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.privacy.RevealRoles;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person's number behind a conversation: revealing it, for a reason, and marking it as their own or shared. */
@Service
class ContactDetails {

	private final ConversationService conversations;

	private final InboxAccess access;

	private final RevealRoles revealRoles;

	private final ContactService contacts;

	private final SharedPhones sharedPhones;

	ContactDetails(ConversationService conversations, InboxAccess access, RevealRoles revealRoles, ContactService contacts,
			SharedPhones sharedPhones) {
		this.conversations = conversations;
		this.access = access;
		this.revealRoles = revealRoles;
		this.contacts = contacts;
		this.sharedPhones = sharedPhones;
	}

	/**
	 * Shows the person's full number to someone whose role may reveal on the line, for a reason they
	 * give; the reveal and its reason are audited.
	 */
	@Transactional
	public RevealedIdentity reveal(long conversationId, String reason) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.CONTACT_REVEAL);
		this.revealRoles.require(line);
		String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
		if (why.length() < 5 || why.length() > 300) {
			throw new InvalidRequestException("error.inbox.say-why-you-number");
		}
		return this.contacts.reveal(conversation.contactId(), line.organisationId(), "inbox conversation " + conversationId, why);
	}

	/**
	 * Marks the conversation's number as the person's own or as a shared (community) phone; an operator
	 * working the conversation does, and the mark is audited. On a shared phone consent and demographics
	 * are asked per interaction and earlier interactions are shown only on request, with a reason.
	 */
	@Transactional
	public void markPhoneUse(long conversationId, PhoneUse use) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (use == null || use == PhoneUse.UNKNOWN) {
			throw new InvalidRequestException("error.inbox.say-whether-phone-person");
		}
		this.sharedPhones.mark(conversation.contactId(), use, SharedPhones.Source.OPERATOR, line.organisationId(),
				"inbox conversation " + conversationId);
	}

	/** Whether the current user may reveal numbers on the line, for the button. */
	public boolean mayReveal(Line line) {
		return this.revealRoles.allows(CurrentUser.require(), line);
	}

}
