package org.linea.feedback.coding;

/** What kind of feedback an interaction was, as the operator codes it when closing. */
public enum FeedbackType {

	QUESTION, COMPLAINT, COMMENT, SUGGESTION, APPRECIATION, RUMOUR, REQUEST_FOR_HELP

}
