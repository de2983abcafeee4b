package org.linea.safeguarding;

import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The safeguarding queue: every member of an organisation sees that its cases exist (code, time,
 * status); focal points (SAFEGUARDING) see the category and signals, open the conversation,
 * acknowledge and mark "not sensitive". Operators flag a conversation from the inbox.
 */
@Controller
class SafeguardingController {

	private final SafeguardingService safeguarding;

	SafeguardingController(SafeguardingService safeguarding) {
		this.safeguarding = safeguarding;
	}

	@GetMapping("/safeguarding")
	@Requires(Permission.SAFEGUARDING_CASES)
	String cases(Model model) {
		model.addAttribute("cases", this.safeguarding.cases());
		if (this.safeguarding.unseenAlerts() > 0) {
			this.safeguarding.alertsSeen();
		}
		model.addAttribute("categories", Category.values());
		return "safeguarding/cases";
	}

	/** The menu's live alert: polled by every page of a focal point. */
	@GetMapping("/safeguarding/alerts")
	@Requires(Permission.SAFEGUARDING_HANDLE)
	String alerts(Model model) {
		model.addAttribute("unseen", this.safeguarding.unseenAlerts());
		return "safeguarding/flag :: alerts";
	}

	@PostMapping("/safeguarding/cases/{id}/acknowledge")
	@Requires(Permission.SAFEGUARDING_HANDLE)
	String acknowledge(@PathVariable long id) {
		this.safeguarding.acknowledge(id);
		return "redirect:/safeguarding";
	}

	@PostMapping("/safeguarding/cases/{id}/not-sensitive")
	@Requires(Permission.SAFEGUARDING_HANDLE)
	String notSensitive(@PathVariable long id, @RequestParam(defaultValue = "") String note) {
		this.safeguarding.markNotSensitive(id, note);
		return "redirect:/safeguarding";
	}

	@PostMapping("/safeguarding/conversations/{id}/flag")
	@Requires(Permission.INBOX_REPLY)
	String flag(@PathVariable long id, @RequestParam long messageId, @RequestParam Category category,
			@RequestParam(defaultValue = "false") boolean urgent) {
		this.safeguarding.flag(id, messageId, category, urgent);
		return "redirect:/inbox?flagged=" + id;
	}

}
