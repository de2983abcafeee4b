package org.linea.broadcast;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.shared.web.Refusals;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of a line's broadcast rules: quiet hours, the weekly cap per person and the number's daily limit. */
@Controller
@Requires(Permission.BROADCAST_SEND)
@RedirectOnRefusal("/broadcasts/lines/{lineKey}/settings")
class BroadcastSettingsController {

	private final BroadcastSettingsStore settings;

	BroadcastSettingsController(BroadcastSettingsStore settings) {
		this.settings = settings;
	}

	@GetMapping("/broadcasts/lines/{lineKey}/settings")
	String show(@PathVariable String lineKey, Model model) {
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", this.settings.get(lineKey));
		}
		return "broadcast/settings";
	}

	@PostMapping("/broadcasts/lines/{lineKey}/settings")
	String save(@PathVariable String lineKey, BroadcastSettingsForm form, RedirectAttributes redirect) {
		Refusals.keep("settings", () -> form.asTyped(this.settings.get(lineKey)));
		this.settings.update(lineKey, form.request());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/broadcasts/lines/" + lineKey + "/settings";
	}

	/** The form as typed: empty fields are no quiet hours or no daily limit; the numbers are text so a typo comes back. */
	record BroadcastSettingsForm(String quietFrom, String quietUntil, String weeklyCap, String dailyLimit) {

		BroadcastSettingsRequest request() {
			return new BroadcastSettingsRequest(this.quietFrom, this.quietUntil, number(this.weeklyCap, 0), number(this.dailyLimit, null));
		}

		BroadcastSettingsView asTyped(BroadcastSettingsView saved) {
			Integer cap = number(this.weeklyCap, null);
			return new BroadcastSettingsView(saved.line(), saved.timeZone(), this.quietFrom, this.quietUntil,
					cap == null ? saved.weeklyCap() : cap, number(this.dailyLimit, null), saved.whatsApp());
		}

		/** A number, empty as {@code empty}, anything else as 0 (which the rules refuse with their message). */
		private static Integer number(String value, Integer empty) {
			if (value == null || value.isBlank()) {
				return empty;
			}
			try {
				return Integer.valueOf(value.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

}
