package org.linea.broadcast;

import java.util.Arrays;
import java.util.List;

import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;

/**
 * The page's form for a new broadcast. {@code tags} and {@code parameters} are comma-separated; a
 * template name may come with a text or an entry (outside the window people get the template).
 */
record BroadcastForm(String name, List<String> languages, String tags, String text, String entry, String template,
		String templateLanguage, String parameters) {

	BroadcastRequest request() {
		BroadcastMessage.TemplateRef ref = BroadcastMessage.TemplateRef.fromForm(this.template, this.templateLanguage, this.parameters);
		return new BroadcastRequest(this.name, new Audience(ConsentPurpose.BROADCASTS, this.languages, split(this.tags), null, null),
				new BroadcastMessage(this.text, ref, this.entry), null);
	}

	private static List<String> split(String values) {
		return blank(values) ? List.of() : Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
