package org.linea.channel;

/**
 * The provider changed the status of one of a line's templates (Meta's {@code message_template_status_update}).
 *
 * @param name the template's name as sent (Meta's name, or Twilio's Content SID)
 * @param label Twilio's friendly name, null for Meta
 * @param status the new status; only APPROVED is sent
 */
public record TemplateStatusChanged(long lineId, String name, String label, String language, String status) {

	public boolean approved() {
		return MessageTemplate.APPROVED.equals(this.status);
	}

}
