package org.linea.channel;

import org.linea.access.ChannelType;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Counters under {@code linea.channel.*}: tagged by channel and outcome, never by person or message. */
@Component
public class ChannelMetrics {

	private final MeterRegistry registry;

	ChannelMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A webhook call refused before anything was stored (bad signature, unknown line, too big...). */
	public void webhookRejected(ChannelType channel, String reason) {
		this.registry.counter("linea.channel.webhook.rejected", "channel", channel.name(), "reason", reason).increment();
	}

	void status(ChannelType channel, DeliveryStatus status, String errorCode) {
		this.registry.counter("linea.channel.delivery.status", "channel", channel.name(), "status", status.name(), "error",
				errorCode == null ? "none" : errorCode).increment();
	}

	void sendAttempt(ChannelType channel, String outcome) {
		this.registry.counter("linea.channel.send.attempts", "channel", channel.name(), "outcome", outcome).increment();
	}

	void smsSegments(ChannelType channel, int segments) {
		this.registry.counter("linea.channel.sms.segments", "channel", channel.name()).increment(segments);
	}

}
