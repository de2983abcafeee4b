package org.linea.conversation;

/** An internal note was added; the person never sees it. */
public record NoteAdded(long conversationId, long lineId) implements ConversationEvent {

	@Override
	public String kind() {
		return "NOTE";
	}

}
