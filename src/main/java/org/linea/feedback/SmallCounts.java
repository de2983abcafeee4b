package org.linea.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides counts so small that the people behind them could be recognised. A count under the threshold
 * is suppressed; if that leaves exactly one suppressed cell in a breakdown, the next smallest is
 * suppressed too, so the hidden one cannot be worked out from the total.
 */
public final class SmallCounts {

	private SmallCounts() {
	}

	/** The breakdown in the same order, with suppressed counts as null. */
	public static Map<String, Long> suppress(Map<String, Long> counts, int threshold) {
		Map<String, Long> shown = new LinkedHashMap<>(counts);
		List<String> hidden = new ArrayList<>();
		counts.forEach((value, count) -> {
			if (count > 0 && count < threshold) {
				hidden.add(value);
			}
		});
		if (hidden.size() == 1) {
			counts.entrySet().stream()
				.filter(e -> !hidden.contains(e.getKey()) && e.getValue() > 0)
				.min(Comparator.comparingLong(Map.Entry::getValue))
				.ifPresent(e -> hidden.add(e.getKey()));
		}
		hidden.forEach(value -> shown.put(value, null));
		return shown;
	}

}
