package org.linea.channel;

import java.util.List;

import org.linea.access.ChannelType;

/** A provider's list of a line's templates (WhatsApp Business Account, Twilio Content), read page after page. */
public interface TemplateSource {

	/** The line types whose templates this source reads. */
	boolean serves(ChannelType type);

	/** {@code MessageTemplate.source} of what it reads: WHATSAPP or TWILIO. */
	String name();

	/** Every template of the account, all pages followed; fails as a whole rather than return part of the list. */
	List<ProviderTemplate> fetch(ProviderAccount account) throws TemplateSyncException, InterruptedException;

	/** The provider refused, or answered what cannot be read: nothing is changed. */
	final class TemplateSyncException extends Exception {

		public TemplateSyncException(String message) {
			super(message);
		}

	}

}
