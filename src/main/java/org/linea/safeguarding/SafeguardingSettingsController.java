package org.linea.safeguarding;

import java.util.List;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The safeguarding settings page of a line: alerting, rota, investigators, safe replies. */
@Controller
@Requires(Permission.SAFEGUARDING_SETTINGS)
@RedirectOnRefusal("/safeguarding/settings?line={lineKey}")
class SafeguardingSettingsController {

	private final SafeguardingSettings settings;

	private final LineService lines;

	SafeguardingSettingsController(SafeguardingSettings settings, LineService lines) {
		this.settings = settings;
		this.lines = lines;
	}

	@GetMapping("/safeguarding/settings")
	String settings(@RequestParam(required = false) String line, Model model) {
		List<Line> managed = this.lines.accessibleLines(Permission.SAFEGUARDING_SETTINGS);
		Line chosen = PageActions.chosen(managed, line);
		model.addAttribute("lines", managed);
		model.addAttribute("settings", chosen == null ? null : this.settings.of(chosen.key()));
		model.addAttribute("replyKeys", SafeguardingSettings.REPLY_KEYS);
		return "safeguarding/settings";
	}

	@PostMapping("/safeguarding/settings/{lineKey}/alerting")
	String alerting(@PathVariable String lineKey, @RequestParam(defaultValue = "") String emergencyNumbers,
			@RequestParam int ackMinutes, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.setAlerting(lineKey, emergencyNumbers, ackMinutes));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/rota")
	String addToRota(@PathVariable String lineKey, @RequestParam long userId, @RequestParam String email,
			@RequestParam(defaultValue = "") String onCall, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.addToRota(lineKey, userId, email, onCall));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/rota/{position}/remove")
	String removeFromRota(@PathVariable String lineKey, @PathVariable int position, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.removeFromRota(lineKey, position));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/investigators")
	String addInvestigator(@PathVariable String lineKey, @RequestParam long userId, @RequestParam String email,
			RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.addInvestigator(lineKey, userId, email));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/investigators/{userId}/remove")
	String removeInvestigator(@PathVariable String lineKey, @PathVariable long userId, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.removeInvestigator(lineKey, userId));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/replies")
	String saveReply(@PathVariable String lineKey, @RequestParam String category, @RequestParam String language,
			@RequestParam String text, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.saveReply(lineKey, category, language, text));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/replies/{replyId}/validate")
	String validateReply(@PathVariable String lineKey, @PathVariable long replyId, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.validateReply(lineKey, replyId));
	}

	@PostMapping("/safeguarding/settings/{lineKey}/replies/{replyId}/remove")
	String removeReply(@PathVariable String lineKey, @PathVariable long replyId, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.settings.removeReply(lineKey, replyId));
	}

	/** A line of another organisation is missing; a rule the user can fix is a message on the page. */
	private String attempt(String lineKey, RedirectAttributes redirect, Runnable action) {
		this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		PageActions.attempt(redirect, "safeguarding.saved", action);
		return "redirect:/safeguarding/settings?line=" + lineKey;
	}

}
