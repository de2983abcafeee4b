package org.linea.channel;

import java.time.Duration;

/** The provider a line runs on. */
public enum ChannelType {

	/** The built-in web chat that stands in for a phone, so a line works before any provider account exists. */
	SIMULATOR,

	WHATSAPP_CLOUD,

	TWILIO_SMS,

	TWILIO_WHATSAPP;

	/**
	 * How long after the person's last message free-form replies are allowed; null when the channel
	 * has no such window (WhatsApp's customer-service window is 24 hours).
	 */
	public Duration replyWindow() {
		return this == WHATSAPP_CLOUD || this == TWILIO_WHATSAPP ? Duration.ofHours(24) : null;
	}

}
