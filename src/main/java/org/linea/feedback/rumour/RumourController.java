package org.linea.feedback.rumour;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rumours: flagging from the inbox, the coordinators' list and each group's page. */
@Controller
@RedirectOnRefusal("/rumours/{id}")
class RumourController {

	private final RumourService rumours;

	private final RumourBoard board;

	RumourController(RumourService rumours, RumourBoard board) {
		this.rumours = rumours;
		this.board = board;
	}

	@Requires(Permission.RUMOUR_FLAG)
	@PostMapping("/rumours/flag")
	@RedirectOnRefusal("/inbox/conversations/{conversationId}")
	String flag(@RequestParam long conversationId, @RequestParam(required = false) Long messageId, RedirectAttributes redirect) {
		this.rumours.flag(conversationId, messageId);
		redirect.addFlashAttribute("notice", "rumour.flagged");
		return "redirect:/inbox/conversations/" + conversationId;
	}

	@Requires(Permission.RUMOUR_READ)
	@GetMapping("/rumours")
	String list(Model model) {
		model.addAttribute("rumours", this.board.rumours());
		return "feedback/rumours";
	}

	@Requires(Permission.RUMOUR_READ)
	@GetMapping("/rumours/{id}")
	String detail(@PathVariable long id, Model model) {
		RumourDetail detail = this.board.detail(id);
		model.addAttribute("rumour", detail);
		model.addAttribute("statuses", RumourStatus.values());
		if (detail.editable()) {
			model.addAttribute("entries", this.board.counterMessageChoices(id));
			model.addAttribute("templates", this.board.templateNames(id));
		}
		return "feedback/rumour";
	}

	@Requires(Permission.RUMOUR_EDIT)
	@PostMapping("/rumours/{id}/status")
	String status(@PathVariable long id, @RequestParam RumourStatus status, RedirectAttributes redirect) {
		return attempt(id, redirect, "rumour.saved", () -> this.rumours.changeStatus(id, status));
	}

	@Requires(Permission.RUMOUR_EDIT)
	@PostMapping("/rumours/{id}/title")
	String retitle(@PathVariable long id, @RequestParam String title, RedirectAttributes redirect) {
		return attempt(id, redirect, "rumour.saved", () -> this.rumours.retitle(id, title));
	}

	@Requires(Permission.RUMOUR_EDIT)
	@PostMapping("/rumours/{id}/counter-message")
	String counterMessage(@PathVariable long id, @RequestParam String entryKey, RedirectAttributes redirect) {
		return attempt(id, redirect, "rumour.saved", () -> this.rumours.chooseCounterMessage(id, entryKey));
	}

	@Requires(Permission.RUMOUR_EDIT)
	@PostMapping("/rumours/{id}/send")
	String send(@PathVariable long id, @RequestParam(defaultValue = "") String templateName, RedirectAttributes redirect) {
		return attempt(id, redirect, "rumour.sent", () -> redirect.addFlashAttribute("outcomes",
				this.rumours.closeTheLoop(id, templateName)));
	}

	private static String attempt(long id, RedirectAttributes redirect, String notice, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/rumours/" + id;
	}

}
