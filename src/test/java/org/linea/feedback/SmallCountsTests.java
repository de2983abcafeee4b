package org.linea.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCountsTests {

	private static Map<String, Long> counts(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
		}
		return map;
	}

	@Test
	void countsAtOrAboveTheThresholdAreShown() {
		assertThat(SmallCounts.suppress(counts("FEMALE", 12, "MALE", 5), 5)).containsExactly(Map.entry("FEMALE", 12L),
				Map.entry("MALE", 5L));
	}

	@Test
	void twoSmallCountsAreBothHiddenAndTheRestShown() {
		Map<String, Long> shown = SmallCounts.suppress(counts("FEMALE", 40, "MALE", 3, "OTHER", 1), 5);
		assertThat(shown).containsEntry("FEMALE", 40L).containsEntry("MALE", null).containsEntry("OTHER", null);
	}

	@Test
	void aLoneSmallCountTakesTheNextSmallestWithItSoItCannotBeDerivedFromTheTotal() {
		Map<String, Long> shown = SmallCounts.suppress(counts("FEMALE", 40, "MALE", 22, "OTHER", 2), 5);
		assertThat(shown).containsEntry("FEMALE", 40L).containsEntry("MALE", null).containsEntry("OTHER", null);
	}

	@Test
	void zeroIsNotAPersonAndIsShown() {
		assertThat(SmallCounts.suppress(counts("FEMALE", 40, "OTHER", 0), 5)).containsEntry("OTHER", 0L);
	}

	@Test
	void theOrderOfTheBreakdownIsKept() {
		assertThat(SmallCounts.suppress(counts("b", 9, "a", 1, "c", 7), 5).keySet()).containsExactly("b", "a", "c");
	}

}
