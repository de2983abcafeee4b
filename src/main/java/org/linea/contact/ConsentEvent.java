package org.linea.contact;

/** What happened to a consent: asked, given, refused, or withdrawn later. */
public enum ConsentEvent {

	ASKED, GIVEN, REFUSED, WITHDRAWN

}
