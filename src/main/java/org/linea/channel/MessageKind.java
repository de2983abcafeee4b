package org.linea.channel;

/** What a person sent. Types a provider adds later arrive as UNSUPPORTED, never as an error. */
public enum MessageKind {

	TEXT, AUDIO, IMAGE, VIDEO, DOCUMENT, LOCATION, CONTACTS, INTERACTIVE_REPLY, REACTION, UNSUPPORTED

}
