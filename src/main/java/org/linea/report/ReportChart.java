package org.linea.report;

import java.util.List;

/**
 * A chart of the weekly report, in the reader's language, independent of how it is drawn: JFreeChart
 * draws it for the PDF and the page, POI as a native chart of the workbook. A null value is a count
 * suppressed because it is small: it is left out of the drawing.
 */
record ReportChart(String key, ReportSection section, String title, Kind kind, List<String> categories, List<Series> series) {

	/** Bars; bars of the week before (first series) against this week's; lines. */
	enum Kind {
		BAR, COMPARE, LINE
	}

	record Series(String name, List<Long> values) {
	}

	boolean isEmpty() {
		return this.categories.isEmpty();
	}

}
