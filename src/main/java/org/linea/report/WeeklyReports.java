package org.linea.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.linea.access.Permission;
import org.linea.admin.CurrentUser;
import org.linea.admin.LineService;
import org.linea.feedback.FeedbackFigures;
import org.linea.feedback.FeedbackType;
import org.linea.feedback.Figures;
import org.linea.feedback.LineScope;
import org.linea.feedback.LocalCalendar;
import org.linea.feedback.RumourFigures;
import org.linea.report.WeeklyReport.Item;
import org.linea.report.WeeklyReport.Section;
import org.linea.safeguarding.SafeguardingFigures;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the weekly executive report the guide asks for from the week's figures, and keeps the
 * coordinators' "decisions taken" per organisation and week.
 */
@Service
class WeeklyReports {

	private static final int TOP = 5;

	private final FeedbackFigures figures;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final LineService lines;

	private final RumourFigures rumours;

	private final SafeguardingFigures safeguarding;

	WeeklyReports(FeedbackFigures figures, JdbcClient jdbc, MessageSource messages, LineService lines, RumourFigures rumours,
			SafeguardingFigures safeguarding) {
		this.figures = figures;
		this.safeguarding = safeguarding;
		this.rumours = rumours;
		this.jdbc = jdbc;
		this.messages = messages;
		this.lines = lines;
	}

	/** The report of the week (Monday to Sunday) the scope's start falls in. */
	@Transactional(readOnly = true)
	WeeklyReport of(LineScope scope, Locale locale) {
		LineScope week = scope.between(LocalCalendar.weekStart(scope.from()), LocalCalendar.weekStart(scope.from()).plusDays(6));
		Figures f = this.figures.of(week);
		Figures.Totals t = f.totals();
		List<Section> sections = new ArrayList<>();
		sections.add(new Section(text("report.weekly.usersByGender", locale), counts(f.demographics().get("GENDER"), "", f, locale)));
		sections.add(new Section(text("report.weekly.interactions", locale), List.of(
				new Item(text("report.usersReached", locale), Long.toString(t.users())),
				new Item(text("report.newUsers", locale), Long.toString(t.newUsers())),
				new Item(text("report.weekly.interactions", locale), Long.toString(t.interactions())),
				new Item(text("report.weekly.closedInteractions", locale), Long.toString(t.closed())))));
		sections.add(new Section(text("report.weekly.feedbackTypes", locale), counts(f.feedbackTypes(), "feedback.", f, locale)));
		Map<String, Long> questions = f.topicsByType().getOrDefault(FeedbackType.QUESTION.name(), Map.of());
		sections.add(new Section(text("report.weekly.newQuestions", locale), withHeader(
				text("report.weekly.newQuestionsCount", locale, f.feedbackTypes().getOrDefault("QUESTION", 0L)),
				counts(TopCounts.first(questions, TOP), "", f, locale))));
		sections.add(new Section(text("report.weekly.unansweredOrLate", locale), List.of(
				new Item(text("report.unanswered", locale), Long.toString(t.unanswered())),
				new Item(text("report.late", locale), Long.toString(t.late())))));
		Map<String, Long> complaints = f.topicsByType().getOrDefault(FeedbackType.COMPLAINT.name(), Map.of());
		sections.add(new Section(text("report.weekly.complaints", locale), withHeader(
				text("report.weekly.complaintsCount", locale, f.feedbackTypes().getOrDefault("COMPLAINT", 0L)),
				counts(TopCounts.first(complaints, TOP), "", f, locale))));
		sections.add(new Section(text("report.weekly.satisfied", locale), List.of(new Item(text("report.weekly.satisfied", locale),
				text("report.weekly.satisfiedOf", locale, t.satisfied(), t.rated())))));
		sections.add(new Section(text("report.weekly.topTopics", locale), counts(TopCounts.first(f.topics(), TOP), "", f, locale)));
		RumourFigures.Counts r = this.rumours.of(week, TOP);
		sections.add(new Section(text("report.weekly.rumours", locale), withHeader(
				text("report.weekly.rumoursCount", locale, r.reports(), r.groups()), counts(r.topByTitle(), "", f, locale))));
		sections.add(safeguardingCases(this.safeguarding.of(week), locale));
		return new WeeklyReport(scope.key(), scope.label(), week.from(), week.to(), sections, decisions(scope, week.from()),
				decisions(scope, week.from().minusWeeks(1)));
	}

	/** Keeps the decisions a coordinator wrote for the week. */
	@Transactional
	void saveDecisions(LineScope scope, LocalDate weekStart, String decisions) {
		this.lines.requireAccess(scope.lines().getFirst().key(), Permission.REPORT_EDIT);
		this.jdbc.sql("""
				insert into report_weekly_decision (organisation_id, week_start, decisions, updated_by) values (?, ?, ?, ?)
				on conflict (organisation_id, week_start) do update set decisions = excluded.decisions,
				    updated_by = excluded.updated_by, updated_at = now()
				""").params(scope.organisationId(), LocalCalendar.weekStart(weekStart), decisions == null ? "" : decisions.strip(),
				CurrentUser.require().id()).update();
	}

	private String decisions(LineScope scope, LocalDate weekStart) {
		return this.jdbc.sql("select decisions from report_weekly_decision where organisation_id = ? and week_start = ?")
			.params(scope.organisationId(), weekStart)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** Counts only, by category then by status: a case's code or content never reaches the report. */
	private Section safeguardingCases(SafeguardingFigures.CaseCounts cases, Locale locale) {
		List<Item> items = new ArrayList<>();
		items.add(new Item(text("report.weekly.safeguardingTotal", locale), count(cases.total(), cases.suppressionThreshold(), locale)));
		items.add(new Item(text("report.weekly.safeguardingByCategory", locale), ""));
		items.addAll(counts(cases.byCategory(), "safeguarding.category.", cases.suppressionThreshold(), locale));
		items.add(new Item(text("report.weekly.safeguardingByStatus", locale), ""));
		items.addAll(counts(cases.byStatus(), "safeguarding.status.", cases.suppressionThreshold(), locale));
		return new Section(text("report.weekly.safeguarding", locale), items);
	}

	private List<Item> counts(Map<String, Long> counts, String labelPrefix, Figures f, Locale locale) {
		return counts(counts, labelPrefix, f.suppressionThreshold(), locale);
	}

	private List<Item> counts(Map<String, Long> counts, String labelPrefix, int threshold, Locale locale) {
		if (counts == null || counts.isEmpty()) {
			return List.of(new Item(text("report.weekly.none", locale), ""));
		}
		List<Item> items = new ArrayList<>();
		counts.forEach((key, count) -> items.add(new Item(
				labelPrefix.isEmpty() ? key : this.messages.getMessage(labelPrefix + key, null, key, locale),
				count(count, threshold, locale))));
		return items;
	}

	private String count(Long count, int threshold, Locale locale) {
		return count == null ? text("report.suppressed", locale, threshold) : Long.toString(count);
	}

	private static List<Item> withHeader(String header, List<Item> items) {
		List<Item> all = new ArrayList<>();
		all.add(new Item(header, ""));
		all.addAll(items);
		return all;
	}


	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
