package org.linea.channel;

/**
 * What a provider's template webhook says changed: Meta's {@code message_template_status_update} (a new
 * status) or {@code template_category_update} (a new category). The template is named by its id, or by
 * name and language.
 *
 * @param status the new status, or null when only the category changed
 * @param category the new category, or null when only the status changed
 */
public record TemplateEvent(String providerId, String name, String language, String status, String category) {
}
