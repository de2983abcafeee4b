package org.linea.survey;

import java.util.List;

import org.linea.audience.Audience;

/**
 * Whom to ask: phone numbers, or a line's audience (people whose consent for SURVEYS stands, as
 * {@code {"consent": "SURVEYS", "languages": [...], "tags": [...]}}), or the cohort of an earlier wave.
 *
 * @param wave the wave to add people to; absent starts a new wave
 * @param cohortOfWave ask again everyone invited in this earlier wave
 */
public record Invitation(List<String> phones, Audience audience, Integer wave, Integer cohortOfWave) {
}
