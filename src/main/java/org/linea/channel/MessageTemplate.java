package org.linea.channel;

/**
 * An approved template a line may send outside WhatsApp's 24-hour window.
 *
 * @param name the template name in Meta's manager, or the Twilio Content SID
 * @param body the approved wording with {{1}}, {{2}}... placeholders
 */
public record MessageTemplate(long id, long lineId, String name, String language, String body) {

	public int parameterCount() {
		return OutboundContent.Template.placeholders(this.body);
	}

	public OutboundContent.Template with(java.util.List<String> parameters) {
		return new OutboundContent.Template(this.name, this.language, parameters, this.body);
	}

}
