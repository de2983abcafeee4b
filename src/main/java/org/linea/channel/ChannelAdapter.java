package org.linea.channel;

import org.linea.access.ChannelType;
import java.util.List;
import java.util.Set;

import org.linea.access.Line;

/**
 * One provider: how to send to it, what its account needs and where it calls Linea. Every channel,
 * the simulator included, implements this; the outbox sender, the media fetcher and the setup pages
 * are the callers, so nothing else needs to know which provider a line runs on.
 */
public interface ChannelAdapter {

	/** The channel types this adapter serves. */
	Set<ChannelType> types();

	/** The provider's rules for a channel type: window, rate, lengths. */
	ChannelFacts facts(ChannelType type);

	/** What an admin enters to connect a line; empty when nothing is needed. */
	default List<AccountField> accountFields(ChannelType type) {
		return List.of();
	}

	/** The addresses to paste into the provider's console. */
	default List<Webhook> webhooks(Line line, String publicUrl) {
		return List.of();
	}

	/**
	 * Hands one message to the provider. Runs outside any transaction; must not throw for a provider
	 * answer, only translate it.
	 * @param delivery what to send, with a reference that is the same on every retry and comes back in
	 * the provider's status reports
	 */
	SendResult send(Line line, Delivery delivery) throws InterruptedException;

	/** Downloads media a person sent, with the line's credentials, refusing more than {@code maxBytes}. */
	default FetchedMedia fetchMedia(Line line, String providerRef, long maxBytes) throws MediaFetchException, InterruptedException {
		throw new MediaFetchException("UNSUPPORTED", "This channel carries no media", false);
	}

	/** A message on its way out: the recipient's address is decrypted only for this call. */
	record Delivery(long outboxId, String to, OutboundContent content) {

		public String reference() {
			return "linea-" + this.outboxId;
		}

		/** The outbox id in a reference that came back from the provider, if it is one of ours. */
		public static Long outboxIdOf(String reference) {
			if (reference == null || !reference.startsWith("linea-")) {
				return null;
			}
			try {
				return Long.parseLong(reference.substring("linea-".length()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/**
	 * A field of the account form.
	 * @param name the key in the form and in the message bundle ({@code channel.field.<name>})
	 * @param secret stored encrypted and never shown again; left blank on an edit, the old value stays
	 */
	record AccountField(String name, boolean secret, boolean required) {
	}

	/**
	 * A webhook address for the provider's console.
	 * @param label message key that says where it goes
	 */
	record Webhook(String label, String url) {
	}

	/** Media downloaded from the provider. */
	record FetchedMedia(String contentType, byte[] data) {
	}

	/** Why media could not be downloaded; {@code retry} when trying later may help. */
	final class MediaFetchException extends Exception {

		private final String code;

		private final boolean retry;

		public MediaFetchException(String code, String message, boolean retry) {
			super(message);
			this.code = code;
			this.retry = retry;
		}

		public String code() {
			return this.code;
		}

		public boolean retry() {
			return this.retry;
		}

	}

}
