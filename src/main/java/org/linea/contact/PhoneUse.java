package org.linea.contact;

/**
 * Whether a number is the person's own or a phone several people write from (a family's or a
 * community's). UNKNOWN until an operator marks it or the person answers the closing question.
 * On a SHARED phone consent and demographics are asked and kept per interaction, earlier interactions
 * are shown only on an operator's explicit, audited request, and broadcasts say they go to a shared phone.
 */
public enum PhoneUse {

	UNKNOWN, OWN, SHARED

}
