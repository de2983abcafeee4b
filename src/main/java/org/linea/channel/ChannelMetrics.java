package org.linea.channel;

import java.time.Duration;

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

	/**
	 * Sending time a busy line lost: its next round's slots began later than its last round's ended
	 * (the round was claimed late), so those slots went unused.
	 */
	void slotsMissed(ChannelType channel, Duration lost) {
		this.registry.timer("linea.channel.send.slots.missed", "channel", channel.name()).record(lost);
	}

	/**
	 * How late a bulk send began after its slot (its thread waited for the processor or a connection);
	 * a send that woke a little early counts as on time.
	 */
	void sendLag(ChannelType channel, Duration lag) {
		this.registry.timer("linea.channel.send.lag", "channel", channel.name()).record(lag.isNegative() ? Duration.ZERO : lag);
	}

	/** Time the outbox's next round waited because too many of the last round's bulk sends were unfinished. */
	void backpressure(Duration waited) {
		this.registry.timer("linea.channel.send.backpressure").record(waited);
	}

	void smsSegments(ChannelType channel, int segments) {
		this.registry.counter("linea.channel.sms.segments", "channel", channel.name()).increment(segments);
	}

}
