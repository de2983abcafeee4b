package org.linea.survey;

import java.util.List;
import java.util.Map;

/**
 * Whom to ask: phone numbers, or a line's audience (people who consented to surveys), or the
 * cohort of an earlier wave.
 *
 * @param wave the wave to add people to; absent starts a new wave
 * @param cohortOfWave ask again everyone invited in this earlier wave
 */
public record Invitation(List<String> phones, Map<String, Object> audience, Integer wave, Integer cohortOfWave) {
}
