package org.linea.inbox;

/** The operator's answer as typed in the composer. */
record ReplyForm(String text) {
}
