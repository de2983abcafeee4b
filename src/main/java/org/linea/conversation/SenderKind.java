package org.linea.conversation;

/** Who wrote a message. */
public enum SenderKind {

	CONTACT, BOT, OPERATOR, SYSTEM

}
