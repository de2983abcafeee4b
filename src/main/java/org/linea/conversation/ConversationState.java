package org.linea.conversation;

/**
 * Where an interaction is: BOT (the bot is talking) -> QUEUED (waiting for a person) -> ASSIGNED (an
 * operator holds it) -> CLOSED. A closed conversation stays closed; the person's next message opens
 * a new one.
 */
public enum ConversationState {

	BOT, QUEUED, ASSIGNED, CLOSED

}
