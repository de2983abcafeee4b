package org.linea.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.linea.access.Permission;
import org.linea.access.LineService;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.Figures;
import org.linea.feedback.LineScope;
import org.linea.feedback.LocalCalendar;
import org.linea.report.ReportFigures.Scoped;
import org.linea.report.WeeklyReport.Item;
import org.linea.report.WeeklyReport.Section;
import org.linea.report.WeeklyReport.Tile;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the weekly executive report the guide asks for from the figures of its week and the three
 * before (through {@link ReportFigures}, as the dashboard), in the language asked for, and keeps the
 * coordinators' "decisions taken" per organisation and week with their follow-up.
 */
@Service
class WeeklyReports {

	static final int WEEKS = 4;

	private static final int TOP = 5;

	private static final List<String> TEXTS = List.of("title", "summary", "details", "change", "lastFour", "newTopics",
			"newQuestions", "followUp", "decisions", "previousDecisions", "none", "rising", "new", "figure", "thisWeek");

	private final ReportFigures figures;

	private final WeeklyCharts charts;

	private final ReportDecisions decisions;

	private final MessageSource messages;

	private final LineService lines;

	WeeklyReports(ReportFigures figures, WeeklyCharts charts, ReportDecisions decisions, MessageSource messages, LineService lines) {
		this.figures = figures;
		this.charts = charts;
		this.decisions = decisions;
		this.messages = messages;
		this.lines = lines;
	}

	/** The report of the week (Monday to Sunday) the scope's start falls in, operators named. */
	@Transactional(readOnly = true)
	WeeklyReport of(LineScope scope, Locale locale) {
		return of(scope, locale, true);
	}

	/**
	 * The report of the week the scope's start falls in.
	 * @param withOperators false for a report that leaves the building (the email): teams only
	 */
	@Transactional(readOnly = true)
	WeeklyReport of(LineScope scope, Locale locale, boolean withOperators) {
		LocalDate monday = LocalCalendar.weekStart(scope.from());
		List<Scoped> weeks = new ArrayList<>();
		for (int i = WEEKS - 1; i >= 0; i--) {
			weeks.add(this.figures.of(scope.between(monday.minusWeeks(i), monday.minusWeeks(i).plusDays(6))));
		}
		int threshold = weeks.getLast().feedback().suppressionThreshold();
		WeekComparison compare = new WeekComparison(weeks, count -> count == null ? text("report.suppressed", locale, threshold)
				: Long.toString(count));
		Figures f = compare.now().feedback();
		List<String> newTopics = compare.newKeys(w -> w.feedback().topics());
		Function<Scoped, Map<String, Long>> questions = w -> w.feedback().topicsByType()
			.getOrDefault(FeedbackType.QUESTION.name(), Map.of());
		List<String> newQuestions = compare.newKeys(questions);
		Function<Scoped, Map<String, Long>> complaints = w -> w.feedback().topicsByType()
			.getOrDefault(FeedbackType.COMPLAINT.name(), Map.of());

		String fresh = text("report.weekly.text.new", locale);
		String rising = text("report.weekly.text.rising", locale);
		List<Section> sections = new ArrayList<>();
		sections.add(section(ReportSection.PEOPLE, "report.weekly.usersByGender", locale,
				compare.items(w -> w.feedback().demographics().get("GENDER"), key -> key, key -> "")));
		sections.add(section(ReportSection.INTERACTIONS, "report.weekly.interactions", locale, List.of(
				compare.item(text("report.usersReached", locale), w -> w.feedback().totals().users()),
				compare.item(text("report.newUsers", locale), w -> w.feedback().totals().newUsers()),
				compare.item(text("report.weekly.interactions", locale), w -> w.feedback().totals().interactions()),
				compare.item(text("report.weekly.closedInteractions", locale), w -> w.feedback().totals().closed()),
				compare.item(text("report.loopClosed", locale), w -> w.feedback().totals().loopClosed()),
				compare.item(text("report.messagesIn", locale), w -> w.feedback().totals().messagesIn()),
				compare.item(text("report.messagesOut", locale),
						w -> w.feedback().totals().messagesBot() + w.feedback().totals().messagesOperator()))));
		sections.add(section(ReportSection.FEEDBACK, "report.weekly.feedbackTypes", locale,
				compare.items(w -> w.feedback().feedbackTypes(), key -> label("feedback." + key, key, locale), key -> "")));
		sections.add(section(ReportSection.QUESTIONS, "report.weekly.newQuestions", locale, withHeader(
				text("report.weekly.newQuestionsCount", locale, f.feedbackTypes().getOrDefault("QUESTION", 0L)),
				compare.items(w -> TopCounts.first(questions.apply(w), TOP), key -> key, key -> newQuestions.contains(key) ? fresh : ""))));
		sections.add(section(ReportSection.UNANSWERED, "report.weekly.unansweredOrLate", locale, List.of(
				compare.item(text("report.unanswered", locale), w -> w.feedback().totals().unanswered()),
				compare.item(text("report.late", locale), w -> w.feedback().totals().late()))));
		sections.add(section(ReportSection.COMPLAINTS, "report.weekly.complaints", locale, withHeader(
				text("report.weekly.complaintsCount", locale, f.feedbackTypes().getOrDefault("COMPLAINT", 0L)),
				compare.items(w -> TopCounts.first(complaints.apply(w), TOP), key -> key, key -> ""))));
		List<Item> satisfaction = new ArrayList<>();
		satisfaction.add(new Item(text("report.weekly.satisfied", locale),
				text("report.weekly.satisfiedOf", locale, f.totals().satisfied(), f.totals().rated())));
		satisfaction.add(compare.item(text("report.weekly.satisfiedCount", locale), w -> w.feedback().totals().satisfied()));
		satisfaction.addAll(compare.items(WeeklyCharts::ratings, key -> text("report.weekly.rating", locale, key), key -> ""));
		sections.add(section(ReportSection.SATISFACTION, "report.weekly.satisfied", locale, satisfaction));
		sections.add(section(ReportSection.TOPICS, "report.weekly.topTopics", locale,
				compare.items(w -> TopCounts.first(w.feedback().topics(), TOP), key -> key, key -> newTopics.contains(key) ? fresh : "")));
		Map<String, Long> rumoursBefore = compare.before().rumours().topByTitle();
		sections.add(section(ReportSection.RUMOURS, "report.weekly.rumours", locale, withHeader(
				text("report.weekly.rumoursCount", locale, compare.now().rumours().reports(), compare.now().rumours().groups()),
				compare.items(w -> w.rumours().topByTitle(), key -> key,
						key -> compare.now().rumours().topByTitle().get(key) > rumoursBefore.getOrDefault(key, 0L) ? rising : ""))));
		sections.add(safeguarding(compare, locale));
		sections.add(section(ReportSection.MESSAGING, "report.messaging.title", locale, messaging(compare, locale)));
		sections.add(section(ReportSection.WORKLOAD, "report.workload.title", locale, workload(compare, withOperators, locale)));

		LocalDate previousWeek = monday.minusWeeks(1);
		List<WeeklyReport.FollowUp> followUps = new ArrayList<>();
		this.decisions.followUps(scope.organisationId(), previousWeek).forEach((decision, kept) -> followUps.add(
				new WeeklyReport.FollowUp(decision, kept.status(), text("report.followUp." + kept.status(), locale), kept.note())));
		Map<String, String> texts = new LinkedHashMap<>();
		TEXTS.forEach(name -> texts.put(name, text("report.weekly.text." + name, locale)));
		texts.put("week", text("report.weekly.week", locale, monday, monday.plusDays(6)));
		return new WeeklyReport(scope.key(), scope.label(), monday, monday.plusDays(6), sections,
				this.decisions.of(scope.organisationId(), monday), this.decisions.of(scope.organisationId(), previousWeek),
				summary(compare, locale), this.charts.of(compare, locale), newTopics, newQuestions, followUps,
				weeks.stream().map(w -> w.scope().from()).toList(), texts);
	}

	/** Keeps the decisions a coordinator wrote for the week. */
	@Transactional
	void saveDecisions(LineScope scope, LocalDate weekStart, String decisions) {
		this.lines.requireAccess(scope.lines().getFirst().key(), Permission.REPORT_EDIT);
		this.decisions.save(scope.organisationId(), weekStart, decisions);
	}

	/** Keeps what became this week of a decision of the week before. */
	@Transactional
	boolean followUp(LineScope scope, LocalDate decisionWeek, String decision, FollowUpStatus status, String note) {
		this.lines.requireAccess(scope.lines().getFirst().key(), Permission.REPORT_EDIT);
		return this.decisions.followUp(scope.organisationId(), decisionWeek, decision, status, note);
	}

	/** The figures that read at a glance on the summary page. */
	private List<Tile> summary(WeekComparison compare, Locale locale) {
		return List.of(
				tile(ReportSection.INTERACTIONS, compare.item(text("report.usersReached", locale), w -> w.feedback().totals().users())),
				tile(ReportSection.INTERACTIONS, compare.item(text("report.interactions", locale), w -> w.feedback().totals().interactions())),
				tile(ReportSection.INTERACTIONS, compare.item(text("report.messagesIn", locale), w -> w.feedback().totals().messagesIn())),
				tile(ReportSection.UNANSWERED, compare.item(text("report.unanswered", locale), w -> w.feedback().totals().unanswered())),
				tile(ReportSection.UNANSWERED, compare.item(text("report.late", locale), w -> w.feedback().totals().late())),
				tile(ReportSection.SATISFACTION, compare.item(text("report.weekly.satisfiedCount", locale), w -> w.feedback().totals().satisfied())),
				tile(ReportSection.COMPLAINTS, compare.item(text("feedback.COMPLAINT", locale),
						w -> w.feedback().feedbackTypes().getOrDefault(FeedbackType.COMPLAINT.name(), 0L))),
				tile(ReportSection.RUMOURS, compare.item(text("report.rumourReports", locale), w -> w.rumours().reports())),
				tile(ReportSection.SAFEGUARDING, compare.item(text("report.weekly.safeguardingTotal", locale), w -> w.safeguarding().total())),
				tile(ReportSection.MESSAGING, compare.item(text("report.messaging.failed", locale), w -> w.messaging().total().failed())));
	}

	/** Counts only, by category then by status: a case's code or content never reaches the report. */
	private Section safeguarding(WeekComparison compare, Locale locale) {
		List<Item> items = new ArrayList<>();
		items.add(compare.item(text("report.weekly.safeguardingTotal", locale), w -> w.safeguarding().total()));
		items.add(new Item(text("report.weekly.safeguardingByCategory", locale), ""));
		items.addAll(compare.items(w -> w.safeguarding().byCategory(), key -> label("safeguarding.category." + key, key, locale), key -> ""));
		items.add(new Item(text("report.weekly.safeguardingByStatus", locale), ""));
		items.addAll(compare.items(w -> w.safeguarding().byStatus(), key -> label("safeguarding.status." + key, key, locale), key -> ""));
		return new Section(ReportSection.SAFEGUARDING, text("report.weekly.safeguarding", locale), items);
	}

	private List<Item> messaging(WeekComparison compare, Locale locale) {
		List<Item> items = new ArrayList<>();
		compare.now().messaging().byChannel().keySet().forEach(channel -> {
			items.add(new Item(label("report.channel." + channel, channel, locale), ""));
			Function<Scoped, MessagingFigures.Channel> of = w -> w.messaging().byChannel()
				.getOrDefault(channel, new MessagingFigures.Channel(0, 0, 0, 0, 0));
			items.add(compare.item(text("report.messaging.sent", locale), w -> of.apply(w).sent()));
			items.add(compare.item(text("report.messaging.delivered", locale), w -> of.apply(w).delivered()));
			items.add(compare.item(text("report.messaging.read", locale), w -> of.apply(w).read()));
			items.add(compare.item(text("report.messaging.failed", locale), w -> of.apply(w).failed()));
		});
		if (!compare.now().messaging().failedByReason().isEmpty()) {
			items.add(new Item(text("report.messaging.failedByReason", locale), ""));
			items.addAll(compare.items(w -> w.messaging().failedByReason(), key -> key, key -> ""));
		}
		return items.isEmpty() ? List.of(new Item(text("report.weekly.none", locale), "")) : items;
	}

	private List<Item> workload(WeekComparison compare, boolean withOperators, Locale locale) {
		List<Item> items = new ArrayList<>();
		Double median = compare.now().feedback().totals().medianFirstResponseMinutes();
		items.add(new Item(text("report.medianFirstResponse", locale), minutes(median)));
		items.add(new Item(text("report.workload.teams", locale), ""));
		items.addAll(rows(compare, w -> w.workload().teams(), locale));
		if (withOperators) {
			items.add(new Item(text("report.workload.operators", locale), ""));
			items.addAll(rows(compare, w -> w.workload().operators(), locale));
		}
		return items;
	}

	/** Conversations per team or operator against the week before, with messages and median first answer. */
	private List<Item> rows(WeekComparison compare, Function<Scoped, List<WorkloadFigures.Row>> rows, Locale locale) {
		List<Item> items = new ArrayList<>();
		for (WorkloadFigures.Row row : rows.apply(compare.now())) {
			String name = row.name().isEmpty() ? text("report.workload.noTeam", locale) : row.name();
			Item item = compare.item(name, w -> rows.apply(w).stream().filter(r -> r.name().equals(row.name()))
				.mapToLong(WorkloadFigures.Row::conversations).sum());
			items.add(new Item(item.label(), text("report.workload.row", locale, row.conversations(), row.messages(),
					minutes(row.medianFirstAnswerMinutes())), item.change(), item.direction(), item.lastFour(), ""));
		}
		return items.isEmpty() ? List.of(new Item(text("report.weekly.none", locale), "")) : items;
	}

	private static String minutes(Double minutes) {
		return minutes == null ? "–" : String.format(Locale.ROOT, "%.1f", minutes);
	}

	private Section section(ReportSection part, String titleKey, Locale locale, List<Item> items) {
		return new Section(part, text(titleKey, locale), items.isEmpty() ? List.of(new Item(text("report.weekly.none", locale), "")) : items);
	}

	private static Tile tile(ReportSection part, Item item) {
		return new Tile(part, item);
	}

	private static List<Item> withHeader(String header, List<Item> items) {
		List<Item> all = new ArrayList<>();
		all.add(new Item(header, ""));
		all.addAll(items);
		return all;
	}

	private String label(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
