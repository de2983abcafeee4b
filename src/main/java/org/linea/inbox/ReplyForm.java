package org.linea.inbox;

/**
 * The operator's answer as typed in the composer.
 *
 * @param takeOver the operator confirmed answering a conversation a colleague holds
 * @param insertedEntry the bank entry the operator inserted as a quick reply, if any
 */
record ReplyForm(String text, Boolean takeOver, String insertedEntry) {

	boolean confirmedTakeOver() {
		return Boolean.TRUE.equals(this.takeOver);
	}

}
