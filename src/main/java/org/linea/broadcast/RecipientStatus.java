package org.linea.broadcast;

import java.util.List;

import org.linea.channel.DeliveryStatus;

/** What happened to one person of a broadcast. */
public enum RecipientStatus {

	/** Waiting for their turn. */
	QUEUED,
	/** In the outbox, being sent. */
	SENDING, SENT, DELIVERED, READ,
	/** Refused by the provider (the reason says why); never sent again. */
	FAILED,
	/** They opted out or withdrew consent before their turn. */
	SKIPPED_OPTED_OUT,
	/** Listed for an announcement, but their BROADCASTS consent was never given. */
	SKIPPED_NO_CONSENT,
	/** They already received the most broadcasts a week allows. */
	SKIPPED_FREQUENCY_CAP,
	/** Outside WhatsApp's 24-hour window, and the broadcast has no template. */
	SKIPPED_WINDOW_CLOSED,
	/** The broadcast was cancelled before their turn. */
	CANCELLED;

	/** The statuses a provider's report may move a recipient out of towards this one (statuses only move forward). */
	static List<RecipientStatus> before(DeliveryStatus status) {
		return switch (status) {
			case QUEUED -> List.of();
			case SENT -> List.of(SENDING);
			case DELIVERED -> List.of(SENDING, SENT);
			case READ -> List.of(SENDING, SENT, DELIVERED);
			case FAILED -> List.of(SENDING, SENT);
		};
	}

	static RecipientStatus of(DeliveryStatus status) {
		return switch (status) {
			case QUEUED -> SENDING;
			case SENT -> SENT;
			case DELIVERED -> DELIVERED;
			case READ -> READ;
			case FAILED -> FAILED;
		};
	}

}
