package org.linea.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.Figures;
import org.linea.report.ReportChart.Kind;
import org.linea.report.ReportChart.Series;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The weekly report's charts from its four weeks of figures, in the report's language: breakdowns
 * this week against the week before, counts over the four weeks, the week day by day. The first
 * {@link #ON_SUMMARY} are the summary page's.
 */
@Component
class WeeklyCharts {

	static final int ON_SUMMARY = 8;

	private static final int TOP = 5;

	private final MessageSource messages;

	WeeklyCharts(MessageSource messages) {
		this.messages = messages;
	}

	List<ReportChart> of(WeekComparison weeks, Locale locale) {
		Figures now = weeks.now().feedback();
		List<ReportChart> charts = new ArrayList<>();
		charts.add(daily(weeks, locale));
		charts.add(againstLastWeek("gender", ReportSection.PEOPLE, "report.weekly.usersByGender", weeks,
				w -> shown(w.feedback().demographics().get("GENDER")), key -> key, locale));
		charts.add(againstLastWeek("feedbackTypes", ReportSection.FEEDBACK, "report.chart.feedbackTypes", weeks,
				w -> w.feedback().feedbackTypes(), key -> label("feedback." + key, key, locale), locale));
		charts.add(againstLastWeek("topics", ReportSection.TOPICS, "report.chart.topics", weeks,
				w -> TopCounts.first(w.feedback().topics(), TOP), key -> key, locale));
		charts.add(overFourWeeks("unanswered", ReportSection.UNANSWERED, "report.weekly.unansweredOrLate", weeks, locale,
				new Figure("report.unanswered", w -> w.feedback().totals().unanswered()), new Figure("report.late",
				w -> w.feedback().totals().late())));
		charts.add(againstLastWeek("satisfaction", ReportSection.SATISFACTION, "report.chart.satisfaction", weeks,
				WeeklyCharts::ratings, key -> key, locale));
		charts.add(againstLastWeek("rumours", ReportSection.RUMOURS, "report.weekly.rumoursRising", weeks,
				w -> w.rumours().topByTitle(), key -> key, locale));
		charts.add(overFourWeeks("safeguarding", ReportSection.SAFEGUARDING, "report.weekly.safeguarding", weeks, locale,
				new Figure("report.weekly.safeguardingTotal", w -> w.safeguarding().total())));
		charts.add(overFourWeeks("complaints", ReportSection.COMPLAINTS, "report.weekly.complaints", weeks, locale,
				new Figure("feedback.COMPLAINT", w -> w.feedback().feedbackTypes()
					.getOrDefault(FeedbackType.COMPLAINT.name(), 0L))));
		charts.add(messaging(weeks.now().messaging(), locale));
		charts.add(workload(weeks.now().workload(), locale));
		if (now.topicsByType().containsKey(FeedbackType.QUESTION.name())) {
			charts.add(againstLastWeek("questions", ReportSection.QUESTIONS, "report.weekly.newQuestions", weeks,
					w -> TopCounts.first(w.feedback().topicsByType().getOrDefault(FeedbackType.QUESTION.name(), Map.of()), TOP),
					key -> key, locale));
		}
		return charts;
	}

	/** Interactions and messages on each day of the week, Monday first. */
	private ReportChart daily(WeekComparison weeks, Locale locale) {
		LocalDate monday = weeks.now().scope().from();
		Map<LocalDate, Figures.Day> byDay = new LinkedHashMap<>();
		weeks.now().feedback().days().forEach(day -> byDay.put(day.day(), day));
		DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d", locale);
		List<String> days = new ArrayList<>();
		List<Long> interactions = new ArrayList<>();
		List<Long> in = new ArrayList<>();
		List<Long> out = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate day = monday.plusDays(i);
			Figures.Day figures = byDay.getOrDefault(day, new Figures.Day(day, 0, 0, 0));
			days.add(format.format(day));
			interactions.add(figures.interactions());
			in.add(figures.messagesIn());
			out.add(figures.messagesOut());
		}
		return new ReportChart("daily", ReportSection.INTERACTIONS, text("report.weekly.chart.daily", locale), Kind.LINE, days,
				List.of(new Series(text("report.interactions", locale), interactions), new Series(text("report.messagesIn", locale), in),
						new Series(text("report.messagesOut", locale), out)));
	}

	/** This week's breakdown against the week before's, suppressed counts left out. */
	private ReportChart againstLastWeek(String key, ReportSection section, String titleKey, WeekComparison weeks,
			Function<ReportFigures.Scoped, Map<String, Long>> breakdown, Function<String, String> label, Locale locale) {
		Map<String, Long> now = breakdown.apply(weeks.now());
		Map<String, Long> before = breakdown.apply(weeks.before());
		List<String> keys = new ArrayList<>(now.keySet());
		return new ReportChart(key, section, text(titleKey, locale), Kind.COMPARE, keys.stream().map(label).toList(),
				List.of(new Series(text("report.weekly.lastWeek", locale), keys.stream().map(k -> before.getOrDefault(k, 0L)).toList()),
						new Series(text("report.weekly.thisWeek", locale), keys.stream().map(now::get).toList())));
	}

	/** A series over the weeks: its name's message key and its figure. */
	private record Figure(String key, Function<ReportFigures.Scoped, Long> of) {
	}

	/** Counts over the four weeks, oldest first. */
	private ReportChart overFourWeeks(String key, ReportSection section, String titleKey, WeekComparison weeks, Locale locale,
			Figure... series) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", locale);
		List<String> labels = weeks.weeks().stream().map(w -> format.format(w.scope().from())).toList();
		List<Series> all = new ArrayList<>();
		for (Figure figure : series) {
			all.add(new Series(text(figure.key(), locale), weeks.weeks().stream().map(figure.of()).toList()));
		}
		return new ReportChart(key, section, text(titleKey, locale), Kind.BAR, labels, all);
	}

	private ReportChart messaging(MessagingFigures.Counts counts, Locale locale) {
		List<String> channels = new ArrayList<>(counts.byChannel().keySet());
		List<Series> series = new ArrayList<>();
		for (String status : List.of("sent", "delivered", "read", "failed")) {
			series.add(new Series(text("report.messaging." + status, locale), channels.stream().map(c -> {
				MessagingFigures.Channel channel = counts.byChannel().get(c);
				return switch (status) {
					case "sent" -> channel.sent();
					case "delivered" -> channel.delivered();
					case "read" -> channel.read();
					default -> channel.failed();
				};
			}).toList()));
		}
		return new ReportChart("messaging", ReportSection.MESSAGING, text("report.messaging.title", locale), Kind.BAR,
				channels.stream().map(c -> label("report.channel." + c, c, locale)).toList(), series);
	}

	private ReportChart workload(WorkloadFigures.Workload workload, Locale locale) {
		List<WorkloadFigures.Row> teams = workload.teams();
		return new ReportChart("workload", ReportSection.WORKLOAD, text("report.workload.teams", locale), Kind.BAR,
				teams.stream().map(t -> t.name().isEmpty() ? text("report.workload.noTeam", locale) : t.name()).toList(),
				List.of(new Series(text("report.workload.conversations", locale), teams.stream().map(WorkloadFigures.Row::conversations).toList()),
						new Series(text("report.workload.messages", locale), teams.stream().map(WorkloadFigures.Row::messages).toList())));
	}

	static Map<String, Long> ratings(ReportFigures.Scoped week) {
		Map<String, Long> ratings = new LinkedHashMap<>();
		for (int i = 0; i < 5; i++) {
			ratings.put(Integer.toString(i + 1), week.feedback().satisfaction()[i]);
		}
		return ratings;
	}

	/** The breakdown without its suppressed counts. */
	private static Map<String, Long> shown(Map<String, Long> counts) {
		Map<String, Long> shown = new LinkedHashMap<>();
		if (counts != null) {
			counts.forEach((k, v) -> {
				if (v != null) {
					shown.put(k, v);
				}
			});
		}
		return shown;
	}

	private String label(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
