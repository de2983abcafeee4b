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

/** A line's referral map, kept by its focal points and coordinators. */
@Controller
@Requires(Permission.SAFEGUARDING_SETTINGS)
@RedirectOnRefusal("/safeguarding/services?line={lineKey}")
class ServiceMapController {

	private final ServiceMap services;

	private final LineService lines;

	ServiceMapController(ServiceMap services, LineService lines) {
		this.services = services;
		this.lines = lines;
	}

	@GetMapping("/safeguarding/services")
	String services(@RequestParam(required = false) String line, Model model) {
		List<Line> managed = this.lines.accessibleLines(Permission.SAFEGUARDING_SETTINGS);
		Line chosen = PageActions.chosen(managed, line);
		model.addAttribute("lines", managed);
		model.addAttribute("line", chosen);
		model.addAttribute("kinds", ServiceKind.values());
		model.addAttribute("services", chosen == null ? List.of() : this.services.of(chosen.key()));
		return "safeguarding/services";
	}

	@PostMapping("/safeguarding/services/{lineKey}")
	String add(@PathVariable String lineKey, @RequestParam String name, @RequestParam ServiceKind kind,
			@RequestParam(defaultValue = "") String contacts, @RequestParam(defaultValue = "") String hours,
			@RequestParam(defaultValue = "") String languages, RedirectAttributes redirect) {
		this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		return attempt(lineKey, redirect,
				() -> this.services.add(lineKey, new ServiceMap.ServiceForm(name, kind, contacts, hours, languages)));
	}

	@PostMapping("/safeguarding/services/{lineKey}/{serviceId}")
	String update(@PathVariable String lineKey, @PathVariable long serviceId, @RequestParam String name,
			@RequestParam ServiceKind kind, @RequestParam(defaultValue = "") String contacts,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String languages,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		this.lines.requireAccess(lineKey, Permission.SAFEGUARDING_SETTINGS);
		return attempt(lineKey, redirect, () -> this.services.update(lineKey, serviceId,
				new ServiceMap.ServiceForm(name, kind, contacts, hours, languages), active));
	}

	private static String attempt(String lineKey, RedirectAttributes redirect, Runnable action) {
		PageActions.attempt(redirect, "safeguarding.saved", action);
		return "redirect:/safeguarding/services?line=" + lineKey;
	}

}
