package org.linea.report;

import java.util.Locale;
import java.util.Map;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.log.LogForm;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The live dashboard of a line or of an organisation's lines: figures rendered on the page, charts
 * drawn by {@code /js/dashboard.js} from the JSON of the same figures, refreshed every minute.
 */
@Controller
@Requires(Permission.REPORT_READ)
class DashboardController {

	private final LineScopes scopes;

	private final ReportFigures figures;

	private final DashboardCharts charts;

	DashboardController(LineScopes scopes, ReportFigures figures, DashboardCharts charts) {
		this.scopes = scopes;
		this.figures = figures;
		this.charts = charts;
	}

	@GetMapping("/report/dashboard")
	String dashboard(LogForm form, Model model) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		ReportFigures.Scoped figures = this.figures.of(scope);
		model.addAttribute("scope", scope);
		model.addAttribute("choices", this.scopes.choices());
		model.addAttribute("figures", figures.feedback());
		model.addAttribute("rumours", figures.rumours());
		model.addAttribute("safeguarding", figures.safeguarding());
		model.addAttribute("messaging", figures.messaging());
		model.addAttribute("workload", figures.workload());
		return "report/dashboard";
	}

	@GetMapping("/report/dashboard/data")
	@ResponseBody
	Map<String, Object> data(LogForm form, Locale locale) {
		ReportFigures.Scoped figures = this.figures.of(this.scopes.resolve(form.scope(), form.from(), form.to()));
		return Map.of("totals", figures.feedback().totals(), "messaging", figures.messaging(), "charts",
				this.charts.of(figures, locale));
	}

}
