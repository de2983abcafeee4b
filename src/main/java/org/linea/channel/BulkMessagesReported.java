package org.linea.channel;

import java.util.List;

/**
 * The provider's reports on {@link BulkMessage}s that one webhook batch recorded, in the order they
 * arrived: one event for many, so a broadcast's status callbacks are applied together (a reaction, and
 * a savepoint, per batch instead of per report). A report recorded on its own, and every other change of
 * a bulk message's status, is a {@link MessageStatusChanged}.
 */
public record BulkMessagesReported(List<MessageStatusChanged> reports) {

	public BulkMessagesReported {
		reports = List.copyOf(reports);
	}

}
