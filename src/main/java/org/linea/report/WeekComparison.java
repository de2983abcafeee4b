package org.linea.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.linea.report.WeeklyReport.Direction;
import org.linea.report.WeeklyReport.Item;

/**
 * A figure this week against the week before and the last four weeks: its value, the arrow and the
 * difference, and the four values oldest first. A suppressed (null) count is shown as such and never
 * compared, so a difference cannot reveal it.
 */
final class WeekComparison {

	/** The four weeks, oldest first: the last one is the report's week. */
	private final List<ReportFigures.Scoped> weeks;

	private final Function<Long, String> show;

	WeekComparison(List<ReportFigures.Scoped> weeks, Function<Long, String> show) {
		this.weeks = weeks;
		this.show = show;
	}

	ReportFigures.Scoped now() {
		return this.weeks.getLast();
	}

	ReportFigures.Scoped before() {
		return this.weeks.get(this.weeks.size() - 2);
	}

	List<ReportFigures.Scoped> weeks() {
		return this.weeks;
	}

	Item item(String label, Function<ReportFigures.Scoped, Long> figure) {
		return item(label, figure, "");
	}

	Item item(String label, Function<ReportFigures.Scoped, Long> figure, String callout) {
		List<Long> values = this.weeks.stream().map(figure).toList();
		Long now = values.getLast();
		Long before = values.get(values.size() - 2);
		List<String> lastFour = values.stream().map(this.show).toList();
		if (now == null || before == null) {
			return new Item(label, this.show.apply(now), "", Direction.NONE, lastFour, callout);
		}
		long change = now - before;
		Direction direction = change > 0 ? Direction.UP : change < 0 ? Direction.DOWN : Direction.SAME;
		return new Item(label, this.show.apply(now), change > 0 ? "+" + change : Long.toString(change), direction, lastFour, callout);
	}

	/**
	 * One item per entry of this week's breakdown, in its order; an entry missing in an earlier week
	 * counted 0 there. {@code callout} gives an entry's callout ("" for none).
	 */
	List<Item> items(Function<ReportFigures.Scoped, Map<String, Long>> breakdown, Function<String, String> label,
			Function<String, String> callout) {
		List<Item> items = new ArrayList<>();
		Map<String, Long> now = breakdown.apply(now());
		if (now == null) {
			return items;
		}
		now.keySet().forEach(key -> items.add(item(label.apply(key), week -> {
			Map<String, Long> counts = breakdown.apply(week);
			return counts == null || !counts.containsKey(key) ? Long.valueOf(0) : counts.get(key);
		}, callout.apply(key))));
		return items;
	}

	/** Keys of this week's breakdown that none of the three weeks before had. */
	List<String> newKeys(Function<ReportFigures.Scoped, Map<String, Long>> breakdown) {
		List<String> fresh = new ArrayList<>();
		breakdown.apply(now()).keySet().forEach(key -> {
			if (this.weeks.subList(0, this.weeks.size() - 1).stream().noneMatch(w -> breakdown.apply(w).containsKey(key))) {
				fresh.add(key);
			}
		});
		return fresh;
	}

}
