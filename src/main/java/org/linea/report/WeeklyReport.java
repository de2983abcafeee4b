package org.linea.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly executive report, ready to show, print, export or email, in one language: its summary
 * figures, charts and sections, each figure against the week before and the last four weeks; the
 * topics and questions new this week; the decisions taken this week and how those of the week before
 * were followed up.
 *
 * @param texts the fixed wording of the report in its language, by short name (title, week, ...)
 */
record WeeklyReport(String scopeKey, String scopeLabel, LocalDate weekStart, LocalDate weekEnd, List<Section> sections,
		String decisions, String previousDecisions, List<Tile> summary, List<ReportChart> charts, List<String> newTopics,
		List<String> newQuestions, List<FollowUp> followUps, List<LocalDate> weeks, Map<String, String> texts) {

	/** Up, down or the same as the week before; NONE when there is nothing to compare (a header, a hidden count). */
	enum Direction {

		UP("▲"), DOWN("▼"), SAME("="), NONE("");

		final String arrow;

		Direction(String arrow) {
			this.arrow = arrow;
		}

		public String arrow() {
			return this.arrow;
		}

	}

	record Section(ReportSection part, String title, List<Item> items) {
	}

	/**
	 * @param change the difference with the week before ("+3", "-2", "0"), empty when not comparable
	 * @param lastFour the four weeks up to this one, oldest first
	 * @param callout what makes it stand out ("new" this week, "rising"), in the report's language; empty when nothing
	 */
	record Item(String label, String value, String change, Direction direction, List<String> lastFour, String callout) {

		Item(String label, String value) {
			this(label, value, "", Direction.NONE, List.of(), "");
		}

		public boolean hasCallout() {
			return !this.callout.isEmpty();
		}

		public String arrowAndChange() {
			return this.direction == Direction.NONE ? "" : this.direction.arrow + " " + this.change;
		}

	}

	record Tile(ReportSection part, Item item) {
	}

	/** A decision of the week before, with what became of it this week. */
	record FollowUp(String decision, FollowUpStatus status, String statusLabel, String note) {
	}

	public String text(String name) {
		return this.texts.getOrDefault(name, name);
	}

	/** The report with only these sections (and their figures and charts); the decisions stay. */
	WeeklyReport only(Set<ReportSection> parts) {
		return new WeeklyReport(this.scopeKey, this.scopeLabel, this.weekStart, this.weekEnd,
				this.sections.stream().filter(s -> parts.contains(s.part())).toList(), this.decisions, this.previousDecisions,
				this.summary.stream().filter(t -> parts.contains(t.part())).toList(),
				this.charts.stream().filter(c -> parts.contains(c.section())).toList(),
				parts.contains(ReportSection.TOPICS) ? this.newTopics : List.of(),
				parts.contains(ReportSection.QUESTIONS) ? this.newQuestions : List.of(), this.followUps, this.weeks, this.texts);
	}

}
