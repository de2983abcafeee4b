package org.linea.conversation;

/**
 * What happened to a conversation, published inside the changing transaction. Other modules react after
 * commit ({@code @TransactionalEventListener}, recorded in the event publication registry so a failed
 * or interrupted reaction is retried); only reactions that PostgreSQL itself defers to the commit (a
 * {@code NOTIFY}) or that must stand or fall with the change listen inside it.
 */
public interface ConversationEvent {

	long conversationId();

	long lineId();

	/** The kind of change, as the live inbox names it to the browser. */
	String kind();

}
