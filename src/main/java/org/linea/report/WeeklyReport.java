package org.linea.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly executive report, ready to show or print: its sections of figures, then the decisions
 * taken this week and those of the week before.
 */
record WeeklyReport(String scopeKey, String scopeLabel, LocalDate weekStart, LocalDate weekEnd, List<Section> sections,
		String decisions, String previousDecisions) {

	record Section(String title, List<Item> items) {
	}

	record Item(String label, String value) {
	}

}
