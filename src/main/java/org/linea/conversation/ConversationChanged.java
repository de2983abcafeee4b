package org.linea.conversation;

/** Published, inside the changing transaction, whenever a conversation or its messages change. */
public record ConversationChanged(long conversationId, long lineId, Change change) {

	public enum Change {

		OPENED, MESSAGE_IN, MESSAGE_OUT, NOTE, STATUS, QUEUED, ASSIGNED, RELEASED, MOVED, TRIAGED, TAGGED, CLOSED

	}

}
