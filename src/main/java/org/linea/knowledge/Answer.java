package org.linea.knowledge;

/**
 * An entry's answer in one language.
 *
 * @param sms a shorter text for SMS, or null to send {@code text}
 */
public record Answer(String text, String sms) {

	public Answer {
		text = text == null ? "" : text.strip();
		sms = sms == null || sms.isBlank() ? null : sms.strip();
	}

	/** The text to send on a channel that needs it short. */
	public String forSms() {
		return this.sms != null ? this.sms : this.text;
	}

}
