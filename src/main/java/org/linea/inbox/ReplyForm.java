package org.linea.inbox;

/**
 * The operator's answer as typed in the composer.
 *
 * @param takeOver the operator confirmed answering a conversation a colleague holds
 */
record ReplyForm(String text, Boolean takeOver) {

	boolean confirmedTakeOver() {
		return Boolean.TRUE.equals(this.takeOver);
	}

}
