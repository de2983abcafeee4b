package org.linea.survey;

import java.util.List;

import org.linea.audience.Audience;

/**
 * Whom to ask: phone numbers, or a line's audience (people whose consent for SURVEYS stands, as
 * {@code {"consent": "SURVEYS", "languages": [...], "tags": [...]}}), or the cohort of an earlier wave.
 *
 * @param wave the wave to add people to; absent starts a new wave
 * @param cohortOfWave ask again everyone invited in this earlier wave
 * @param template an approved template of the line ({@code {"name", "language"?, "parameters"?}}) that
 * invites people outside WhatsApp's 24-hour window; their survey starts when they reply. Without it
 * they are skipped. People inside the window get the survey as free text either way.
 */
public record Invitation(List<String> phones, Audience audience, Integer wave, Integer cohortOfWave, TemplateRef template) {

	public Invitation(List<String> phones, Audience audience, Integer wave, Integer cohortOfWave) {
		this(phones, audience, wave, cohortOfWave, null);
	}

	/** An approved template of the line and its parameters ({{1}}, {{2}}...); the language may be left out. */
	public record TemplateRef(String name, String language, List<String> parameters) {
	}

}
