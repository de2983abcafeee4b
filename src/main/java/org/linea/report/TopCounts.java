package org.linea.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The first entries of a breakdown already sorted most frequent first. */
final class TopCounts {

	private TopCounts() {
	}

	static Map<String, Long> first(Map<String, Long> counts, int n) {
		Map<String, Long> top = new LinkedHashMap<>();
		counts.entrySet().stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
		return top;
	}

}
