package org.linea.channel;

import java.time.Instant;
import java.util.List;

/**
 * A line's templates as the API gives them.
 *
 * @param syncable whether the line's provider lists templates (WhatsApp Cloud API, Twilio WhatsApp)
 * @param lastSync the last reading from the provider, null if never
 */
record TemplatesView(String line, boolean syncable, ChannelTemplates.Sync lastSync, List<Item> templates) {

	/**
	 * @param name what a broadcast names ({@code template.name}): Meta's name or Twilio's Content SID
	 * @param label Twilio's friendly name, which a broadcast may name too
	 * @param category MARKETING, UTILITY or AUTHENTICATION
	 * @param status APPROVED (the only one sent), PENDING, REJECTED, PAUSED, DISABLED...
	 * @param parameterCount how many parameters a send fills in ({{1}}, {{2}}...)
	 */
	record Item(String name, String label, String language, String category, String status, String body, int parameterCount,
			String source, Instant syncedAt) {
	}

	static TemplatesView of(ChannelTemplates.LineTemplates templates) {
		return new TemplatesView(templates.line().key(), templates.syncable(), templates.lastSync(),
				templates.templates().stream().map(t -> new Item(t.name(), t.label(), t.language(), t.category(), t.status(), t.body(),
						t.parameterCount(), t.source(), t.syncedAt())).toList());
	}

}
