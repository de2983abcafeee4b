package org.linea.report;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LogForm;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The weekly executive report: on screen with its decisions, and as PDF or .xlsx. */
@Controller
class WeeklyReportController {

	private final LineScopes scopes;

	private final WeeklyReports reports;

	private final MessageSource messages;

	WeeklyReportController(LineScopes scopes, WeeklyReports reports, MessageSource messages) {
		this.scopes = scopes;
		this.reports = reports;
		this.messages = messages;
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly")
	String weekly(LogForm form, Locale locale, Model model) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.from());
		WeeklyReport report = this.reports.of(scope, locale);
		model.addAttribute("scope", scope.between(report.weekStart(), report.weekEnd()));
		model.addAttribute("choices", this.scopes.choices());
		model.addAttribute("report", report);
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

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly.pdf")
	void pdf(LogForm form, Locale locale, HttpServletResponse response) throws IOException {
		WeeklyReport report = this.reports.of(this.scopes.resolve(form.scope(), form.from(), form.from()), locale);
		ExportController.download(response, "application/pdf", fileName(report, "pdf"));
		WeeklyReportPdf.write(report, text("report.weekly.title", locale), week(report, locale),
				text("report.weekly.decisions", locale), text("report.weekly.previousDecisions", locale), response.getOutputStream());
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/report/weekly.xlsx")
	void xlsx(LogForm form, Locale locale, HttpServletResponse response) throws IOException {
		WeeklyReport report = this.reports.of(this.scopes.resolve(form.scope(), form.from(), form.from()), locale);
		ExportController.download(response, ExportController.XLSX, fileName(report, "xlsx"));
		WeeklyReportWorkbook.write(report, text("report.weekly.title", locale), week(report, locale),
				text("report.weekly.decisions", locale), text("report.weekly.previousDecisions", locale), response.getOutputStream());
	}

	private String week(WeeklyReport report, Locale locale) {
		return this.messages.getMessage("report.weekly.week", new Object[] { report.weekStart(), report.weekEnd() }, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String fileName(WeeklyReport report, String extension) {
		return "weekly-report-" + report.scopeKey().replace(':', '-') + "-" + report.weekStart() + "." + extension;
	}

}
