package org.linea.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LocalCalendar;
import org.linea.feedback.log.LogForm;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly executive report: on screen in the reader's language with its charts (drawn on the
 * server, as in the PDF), its decisions and their follow-up; as PDF or .xlsx in the organisation's
 * language unless another is asked for.
 */
@Controller
class WeeklyReportController {

	static final int CHART_WIDTH = 460;

	static final int CHART_HEIGHT = 260;

	private final LineScopes scopes;

	private final WeeklyReports reports;

	WeeklyReportController(LineScopes scopes, WeeklyReports reports) {
		this.scopes = scopes;
		this.reports = reports;
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly")
	String weekly(LogForm form, Locale locale, Model model) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		WeeklyReport report = this.reports.of(scope, locale);
		Map<String, String> images = new LinkedHashMap<>();
		report.charts().forEach(chart -> images.put(chart.key(), ChartImages.dataUri(chart, CHART_WIDTH, CHART_HEIGHT)));
		model.addAttribute("scope", scope.between(report.weekStart(), report.weekEnd()));
		model.addAttribute("choices", this.scopes.choices());
		model.addAttribute("report", report);
		model.addAttribute("images", images);
		model.addAttribute("languages", ReportLanguage.LANGUAGES);
		model.addAttribute("statuses", FollowUpStatus.values());
		return "report/weekly";
	}

	@Requires(Permission.REPORT_EDIT)
	@PostMapping("/report/weekly/decisions")
	String saveDecisions(LogForm form, @RequestParam String decisions, RedirectAttributes redirect) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		this.reports.saveDecisions(scope, scope.from(), decisions);
		redirect.addFlashAttribute("notice", "report.weekly.saved");
		return "redirect:/report/weekly?scope=" + scope.key() + "&from=" + scope.from();
	}

	/** What became this week of one of the decisions of the week before ({@code from} is this week). */
	@Requires(Permission.REPORT_EDIT)
	@PostMapping("/report/weekly/follow-up")
	String followUp(LogForm form, @RequestParam String decision, @RequestParam FollowUpStatus status,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		boolean kept = this.reports.followUp(scope, LocalCalendar.weekStart(scope.from()).minusWeeks(1), decision,
				status, note);
		redirect.addFlashAttribute("notice", kept ? "report.followUp.saved" : "report.followUp.unknown");
		return "redirect:/report/weekly?scope=" + scope.key() + "&from=" + scope.from();
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly.pdf")
	void pdf(LogForm form, @RequestParam(required = false) String language, HttpServletResponse response) throws IOException {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		WeeklyReport report = this.reports.of(scope, ReportLanguage.of(scope, language));
		ExportController.download(response, "application/pdf", fileName(report, "pdf"));
		WeeklyReportPdf.write(report, response.getOutputStream());
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly.xlsx")
	void xlsx(LogForm form, @RequestParam(required = false) String language, HttpServletResponse response) throws IOException {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		WeeklyReport report = this.reports.of(scope, ReportLanguage.of(scope, language));
		ExportController.download(response, ExportController.XLSX, fileName(report, "xlsx"));
		WeeklyReportWorkbook.write(report, response.getOutputStream());
	}

	static String fileName(WeeklyReport report, String extension) {
		return "weekly-report-" + report.scopeKey().replace(':', '-') + "-" + report.weekStart() + "." + extension;
	}

}
