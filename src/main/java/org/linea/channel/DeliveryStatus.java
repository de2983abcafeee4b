package org.linea.channel;

/**
 * Where an outgoing message is. Statuses only move forward: QUEUED, SENT, DELIVERED, READ; FAILED is
 * final unless a later callback proves delivery.
 */
public enum DeliveryStatus {

	QUEUED, SENT, DELIVERED, READ, FAILED;

	/** Whether a status callback saying {@code next} should replace this status. */
	public boolean canMoveTo(DeliveryStatus next) {
		if (this == next) {
			return false;
		}
		if (next == FAILED) {
			return this == QUEUED || this == SENT;
		}
		return this == FAILED ? next == DELIVERED || next == READ : next.ordinal() > ordinal();
	}

}
