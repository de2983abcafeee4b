package org.linea.knowledge;

/** A question people ask, or a key message the line pushes (prevention, protection), reusable by broadcasts. */
public enum EntryKind {

	FAQ, KEY_MESSAGE

}
