package org.linea.channel;

/**
 * A template as its provider lists it.
 *
 * @param name what a send names: Meta's template name, or Twilio's Content SID (HX...)
 * @param status the review status, upper case (APPROVED, PENDING, REJECTED, PAUSED, DISABLED, UNSUBMITTED...)
 * @param category MARKETING, UTILITY or AUTHENTICATION, upper case; null when the provider gives none
 * @param body the wording of its body with {{1}}, {{2}}... placeholders
 * @param providerId Meta's template id, or the Content SID
 * @param label Twilio's friendly name; null for Meta
 */
public record ProviderTemplate(String name, String language, String status, String category, String body, String providerId,
		String label) {
}
