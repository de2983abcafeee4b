package org.linea.channel;

import java.util.HashMap;
import java.util.Map;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where an administrator connects a line to its provider and copies the webhook addresses. */
@Controller
@RequestMapping("/admin/lines/{lineKey}/channel")
@Requires(Permission.ORG_ADMIN)
@RedirectOnRefusal("/admin/lines/{lineKey}/channel")
class ChannelSetupController {

	private final ChannelAccounts accounts;

	ChannelSetupController(ChannelAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String page(@PathVariable String lineKey, Model model) {
		model.addAttribute("setup", this.accounts.setup(lineKey));
		return "channel/setup";
	}

	@PostMapping
	String connect(@PathVariable String lineKey, @RequestParam Map<String, String> form,
			@RequestParam(required = false) Double sendRate, RedirectAttributes redirect) {
		Map<String, String> values = new HashMap<>(form);
		values.remove("_csrf");
		values.remove("sendRate");
		return attempt(lineKey, redirect, () -> this.accounts.connect(lineKey, values, sendRate));
	}

	@PostMapping("/templates")
	String addTemplate(@PathVariable String lineKey, @RequestParam String name, @RequestParam String language,
			@RequestParam String body, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.accounts.addTemplate(lineKey, name, language, body));
	}

	@PostMapping("/templates/{id}/remove")
	String removeTemplate(@PathVariable String lineKey, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, () -> this.accounts.removeTemplate(lineKey, id));
	}

	private static String attempt(String lineKey, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", "channel.saved");
		return "redirect:/admin/lines/" + lineKey + "/channel";
	}

}
