package org.linea.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The parts of the weekly report a recipient may receive; the decisions always go with them. */
enum ReportSection {

	PEOPLE, INTERACTIONS, FEEDBACK, QUESTIONS, UNANSWERED, COMPLAINTS, SATISFACTION, TOPICS, RUMOURS, SAFEGUARDING, MESSAGING,
	WORKLOAD;

	/** The named sections; all of them when none (or none known) is named. */
	static Set<ReportSection> parse(List<String> names) {
		Set<ReportSection> sections = EnumSet.noneOf(ReportSection.class);
		if (names != null) {
			for (String name : names) {
				for (ReportSection section : values()) {
					if (section.name().equalsIgnoreCase(name)) {
						sections.add(section);
					}
				}
			}
		}
		return sections.isEmpty() ? EnumSet.allOf(ReportSection.class) : sections;
	}

}
