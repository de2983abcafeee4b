package org.linea.report;

import java.util.Locale;
import java.util.Map;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.feedback.FeedbackFigures;
import org.linea.feedback.Figures;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LogForm;
import org.linea.feedback.RumourFigures;
import org.linea.safeguarding.SafeguardingFigures;

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

	private static final int TOP_RUMOURS = 5;

	private final LineScopes scopes;

	private final FeedbackFigures figures;

	private final DashboardCharts charts;

	private final RumourFigures rumours;

	private final SafeguardingFigures safeguarding;

	DashboardController(LineScopes scopes, FeedbackFigures figures, DashboardCharts charts, RumourFigures rumours,
			SafeguardingFigures safeguarding) {
		this.scopes = scopes;
		this.safeguarding = safeguarding;
		this.rumours = rumours;
		this.figures = figures;
		this.charts = charts;
	}

	@GetMapping("/report/dashboard")
	String dashboard(LogForm form, Model model) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		model.addAttribute("scope", scope);
		model.addAttribute("choices", this.scopes.choices());
		model.addAttribute("figures", this.figures.of(scope));
		model.addAttribute("rumours", this.rumours.of(scope, TOP_RUMOURS));
		model.addAttribute("safeguarding", this.safeguarding.of(scope));
		return "report/dashboard";
	}

	@GetMapping("/report/dashboard/data")
	@ResponseBody
	Map<String, Object> data(LogForm form, Locale locale) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		Figures figures = this.figures.of(scope);
		return Map.of("totals", figures.totals(), "charts", this.charts.of(figures, this.rumours.of(scope, TOP_RUMOURS), locale));
	}

}
