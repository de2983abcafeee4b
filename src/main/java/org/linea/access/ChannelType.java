package org.linea.access;

/** The provider a line runs on. */
public enum ChannelType {

	/** The built-in web chat that stands in for a phone, so a line works before any provider account exists. */
	SIMULATOR,

	WHATSAPP_CLOUD,

	TWILIO_SMS,

	TWILIO_WHATSAPP

}
