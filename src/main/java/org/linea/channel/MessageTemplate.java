package org.linea.channel;

import java.time.Instant;

/**
 * A template a line may send outside WhatsApp's 24-hour window, as the provider last described it.
 *
 * @param name the template name in Meta's manager, or the Twilio Content SID
 * @param body the approved wording with {{1}}, {{2}}... placeholders
 * @param source MANUAL (typed in by an administrator), WHATSAPP or TWILIO (read from the provider)
 * @param status the provider's review status: APPROVED, PENDING, REJECTED, PAUSED, DISABLED...; only APPROVED is sent
 * @param category MARKETING, UTILITY or AUTHENTICATION (null when not known); Meta caps marketing per person (131049)
 * @param label Twilio's friendly name, null for Meta templates
 * @param syncedAt when the provider last described it, null for a manual template
 */
public record MessageTemplate(long id, long lineId, String name, String language, String body, String source, String status,
		String category, String label, Instant syncedAt) {

	public static final String APPROVED = "APPROVED";

	public int parameterCount() {
		return OutboundContent.Template.placeholders(this.body);
	}

	/** Whether the provider lets the line send it. */
	public boolean approved() {
		return APPROVED.equals(this.status);
	}

	/** Whether a broadcast or a reply naming the template means this one: by name, or by Twilio's friendly name. */
	public boolean named(String wanted, String wantedLanguage) {
		return (this.name.equals(wanted) || wanted.equals(this.label))
				&& (wantedLanguage == null || this.language.equalsIgnoreCase(wantedLanguage));
	}

	public OutboundContent.Template with(java.util.List<String> parameters) {
		return new OutboundContent.Template(this.name, this.language, parameters, this.body);
	}

}
