package org.linea.channel;

import org.linea.admin.Line;

/**
 * One provider: how to send to it. Every channel, the simulator included, implements this, and the
 * outbox sender is the only caller.
 */
public interface ChannelAdapter {

	ChannelType type();

	/**
	 * Hands one message to the provider.
	 * @param delivery what to send, with an idempotency key that is the same on every retry
	 */
	SendResult send(Line line, Delivery delivery);

	/** A message on its way out: the recipient's address is decrypted only for this call. */
	record Delivery(long outboxId, String to, String body, String mediaRef) {

		public String idempotencyKey() {
			return "linea-" + this.outboxId;
		}

	}

}
