package org.linea.access;

/** The provider a line runs on. */
public enum ChannelType {

	/** The built-in web chat that stands in for a phone, so a line works before any provider account exists. */
	SIMULATOR("WEB"),

	WHATSAPP_CLOUD("WHATSAPP"),

	TWILIO_SMS("SMS"),

	TWILIO_WHATSAPP("WHATSAPP");

	private final String medium;

	ChannelType(String medium) {
		this.medium = medium;
	}

	/** What the person writes with, as feedback records and figures count it: SMS, WHATSAPP or WEB. */
	public String medium() {
		return this.medium;
	}

}
