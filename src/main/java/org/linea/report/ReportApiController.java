package org.linea.report;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.feedback.Figures;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.rumour.RumourFigures;
import org.linea.report.SafeguardingFigures;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures and the weekly report as JSON, for Power BI or an organisation's own
 * reports. They are the figures the pages show ({@link ReportFigures}, {@link WeeklyReports}), with
 * the same small counts hidden: a hidden count is null in the dashboard and reads as on the page in
 * the weekly report, never as a number.
 */
@RestController
@Tag(name = "Reports", description = "Dashboard figures and the weekly executive report")
class ReportApiController {

	private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final Pattern COUNT = Pattern.compile("-?\\d+");

	private final LineScopes scopes;

	private final ReportFigures figures;

	private final WeeklyReports reports;

	private final LogExports exports;

	ReportApiController(LineScopes scopes, ReportFigures figures, WeeklyReports reports, LogExports exports) {
		this.scopes = scopes;
		this.figures = figures;
		this.reports = reports;
		this.exports = exports;
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/api/lines/{lineKey}/dashboard")
	@Operation(summary = "The line's dashboard figures from `from` to `to` (days in the line's time zone; by default the last seven)",
			description = "Counts of people by demographics and safeguarding counts below the suppression threshold are hidden: "
					+ "left out, and named in `hidden`.")
	Dashboard lineDashboard(@PathVariable String lineKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return dashboard(this.scopes.resolve("line:" + lineKey, from, to));
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/api/organisations/{organisationId}/dashboard")
	@Operation(summary = "The dashboard figures of all the organisation's lines together (those the caller may report on)",
			description = "As the dashboard's organisation choice; an organisation with one line gives that line's figures.")
	Dashboard organisationDashboard(@PathVariable long organisationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return dashboard(this.scopes.resolve(organisationScope(organisationId), from, to));
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/api/reports/weekly")
	@Operation(summary = "The weekly executive report of an ISO week (Monday to Sunday) as on /report/weekly, with the three weeks before",
			description = "scope: `line:<key>` or `org:<id>` (by default the first the caller may read, as on the page); week: `YYYY-Www` "
					+ "(by default the week the page opens on); language: es or en (by default the organisation's). "
					+ "Each item carries the value as the page shows it; `count` is that value as a number when it is a plain count, "
					+ "null when it is not (a hidden small count, a median, a sentence).")
	Weekly weekly(@Parameter(example = "line:cruz-roja-pe") @RequestParam(required = false) String scope,
			@Parameter(example = "2026-W48") @RequestParam(required = false) String week,
			@Parameter(example = "es") @RequestParam(required = false) String language) {
		LineScope resolved = this.scopes.resolve(scope, null, null);
		if (week != null && !week.isBlank()) {
			LocalDate monday = monday(week);
			resolved = resolved.between(monday, monday);
		}
		Locale locale = ReportLanguage.of(resolved, language);
		return weekly(this.reports.of(resolved, locale), locale);
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/api/lines/{lineKey}/feedback/export")
	@Operation(tags = "Feedback log",
			summary = "The line's feedback log from `from` to `to` as one CSV (optionally with HXL hashtags) or .xlsx file, as the export page gives it (the export is audited)",
			description = "format: csv (default) or xlsx; language of the column headings: es or en (by default the caller's Accept-Language).")
	@ApiResponse(responseCode = "200", description = "the file, as an attachment",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary",
					example = "Code,Date,Line,Channel,Language,...\n26PE0142,2026-11-24,Línea Perú,WHATSAPP,es,...\n")),
					@Content(mediaType = ExportController.XLSX, schema = @Schema(type = "string", format = "binary")) })
	void export(@PathVariable String lineKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(schema = @Schema(allowableValues = { "csv", "xlsx" })) @RequestParam(defaultValue = "csv") String format,
			@RequestParam(defaultValue = "false") boolean hxl, @RequestParam(required = false) String language, Locale requested,
			HttpServletResponse response) throws IOException {
		LineScope scope = this.scopes.resolve("line:" + lineKey, from, to);
		Locale locale = language != null && ReportLanguage.LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : requested;
		String name = "feedback-log-" + lineKey + "-" + scope.from() + "-" + scope.to() + ".";
		switch (format) {
			case "csv" -> {
				ExportController.download(response, "text/csv;charset=UTF-8", name + "csv");
				this.exports.csv(scope, hxl, locale, response.getOutputStream());
			}
			case "xlsx" -> {
				ExportController.download(response, ExportController.XLSX, name + "xlsx");
				this.exports.xlsx(scope, locale, response.getOutputStream());
			}
			default -> throw new InvalidRequestException("error.report.format-csv-xlsx");
		}
	}

	private String organisationScope(long organisationId) {
		List<LineScope> own = this.scopes.choices().stream().filter(c -> c.organisationId() == organisationId).toList();
		if (own.isEmpty()) {
			throw new NotFoundException("error.missing.organisation", organisationId);
		}
		return own.getFirst().key();
	}

	/** The Monday of an ISO week such as 2026-W48. */
	static LocalDate monday(String week) {
		Matcher matcher = ISO_WEEK.matcher(week.trim());
		if (!matcher.matches()) {
			throw new InvalidRequestException("error.report.week-read-yyyy-www");
		}
		try {
			LocalDate inYear = LocalDate.of(Integer.parseInt(matcher.group(1)), 6, 1);
			int number = Integer.parseInt(matcher.group(2));
			if (number < 1 || number > inYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
				throw new InvalidRequestException("error.report.year-week", matcher.group(1), number);
			}
			return inYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		}
		catch (DateTimeException ex) {
			throw new InvalidRequestException("error.report.week-read-yyyy-www");
		}
	}

	static String isoWeek(LocalDate monday) {
		return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private Dashboard dashboard(LineScope scope) {
		ReportFigures.Scoped figures = this.figures.of(scope);
		List<String> hidden = new ArrayList<>();
		figures.feedback().demographics().forEach((question, answers) -> hiddenIn(answers, "demographics." + question, hidden));
		SafeguardingFigures.CaseCounts cases = figures.safeguarding();
		if (cases.total() == null) {
			hidden.add("safeguarding.total");
		}
		hiddenIn(cases.byCategory(), "safeguarding.byCategory", hidden);
		hiddenIn(cases.byStatus(), "safeguarding.byStatus", hidden);
		return new Dashboard(Scope.of(scope), figures.feedback(), figures.rumours(), cases, figures.messaging(), figures.workload(),
				hidden);
	}

	private static void hiddenIn(Map<String, Long> counts, String path, List<String> hidden) {
		if (counts != null) {
			counts.forEach((key, count) -> {
				if (count == null) {
					hidden.add(path + "." + key);
				}
			});
		}
	}

	private static Weekly weekly(WeeklyReport report, Locale locale) {
		return new Weekly(report.scopeKey(), report.scopeLabel(), isoWeek(report.weekStart()), report.weekStart(), report.weekEnd(),
				locale.getLanguage(), report.weeks(),
				report.summary().stream().map(t -> WeeklyItem.of(t.part(), t.item())).toList(),
				report.sections().stream().map(s -> new WeeklySection(s.part(), s.title(),
						s.items().stream().map(i -> WeeklyItem.of(s.part(), i)).toList())).toList(),
				report.charts().stream().filter(c -> !c.isEmpty()).map(c -> new WeeklyChart(c.key(), c.section(), c.title(), c.kind(),
						c.categories(), c.series().stream().map(s -> new WeeklySeries(s.name(), s.values())).toList())).toList(),
				report.newTopics(), report.newQuestions(), report.decisions(), report.previousDecisions(),
				report.followUps().stream().map(f -> new WeeklyFollowUp(f.decision(), f.status(), f.note())).toList());
	}

	@Schema(description = "Which lines and days the figures cover")
	record Scope(@Schema(example = "line:cruz-roja-pe") String key, @Schema(example = "Línea Perú") String label,
			@Schema(example = "[\"cruz-roja-pe\"]") List<String> lines, LocalDate from, LocalDate to) {

		static Scope of(LineScope scope) {
			return new Scope(scope.key(), scope.label(), scope.lines().stream().map(l -> l.key()).toList(), scope.from(), scope.to());
		}

	}

	@Schema(description = "The dashboard's figures. A demographic or safeguarding count below suppressionThreshold is hidden: "
			+ "left out of its breakdown and named in `hidden`.")
	record Dashboard(Scope scope, Figures feedback, RumourFigures.Counts rumours, SafeguardingFigures.CaseCounts safeguarding,
			MessagingFigures.Counts messaging, WorkloadFigures.Workload workload,
			@Schema(description = "the counts hidden because they are small, by where they would be",
					example = "[\"demographics.GENDER.FEMALE\", \"safeguarding.byCategory.GBV\"]") List<String> hidden) {
	}

	@Schema(description = "The weekly executive report in one language, as the page, PDF and workbook show it")
	record Weekly(@Schema(example = "line:cruz-roja-pe") String scope, String scopeLabel, @Schema(example = "2026-W48") String week,
			@Schema(example = "2026-11-23") LocalDate weekStart, @Schema(example = "2026-11-29") LocalDate weekEnd,
			@Schema(example = "es") String language,
			@Schema(description = "the Mondays of the four weeks compared, oldest first; the last is this week") List<LocalDate> weeks,
			@Schema(description = "the figures of the summary page") List<WeeklyItem> summary, List<WeeklySection> sections,
			List<WeeklyChart> charts, @Schema(description = "topics none of the three weeks before had") List<String> newTopics,
			List<String> newQuestions, @Schema(description = "the coordinators' decisions taken this week") String decisions,
			String previousDecisions, List<WeeklyFollowUp> followUps) {
	}

	record WeeklySection(ReportSection section, @Schema(example = "Interacciones") String title, List<WeeklyItem> items) {
	}

	/**
	 * @param value as the page shows it: a count, a hidden count ("menos de 5"), a sentence
	 * @param count the value as a number when it is a plain count, else null
	 */
	record WeeklyItem(ReportSection section, @Schema(example = "Personas alcanzadas") String label, @Schema(example = "42") String value,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "42", nullable = true,
					description = "the value when it is a plain count; null for a hidden small count or a text") Long count,
			@Schema(example = "+5", description = "against the week before; empty when not comparable (a hidden count)") String change,
			WeeklyReport.Direction direction,
			@Schema(example = "[\"30\", \"35\", \"37\", \"42\"]", description = "the four weeks, oldest first, as shown") List<String> lastFour,
			@Schema(example = "nuevo") String callout) {

		static WeeklyItem of(ReportSection section, WeeklyReport.Item item) {
			Long count = COUNT.matcher(item.value()).matches() ? Long.valueOf(item.value()) : null;
			return new WeeklyItem(section, item.label(), item.value(), count, item.change(), item.direction(), item.lastFour(),
					item.callout());
		}

	}

	record WeeklyChart(String key, ReportSection section, String title, ReportChart.Kind kind, List<String> categories,
			List<WeeklySeries> series) {
	}

	@Schema(description = "A chart's series; a null value is a hidden small count")
	record WeeklySeries(String name, List<Long> values) {
	}

	record WeeklyFollowUp(String decision, FollowUpStatus status, String note) {
	}

}
