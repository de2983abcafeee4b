package org.linea.web;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PageController {

	/** Where a user starts: the inbox for those who answer people, the dashboard for analysts, else the admin page. */
	@GetMapping("/")
	@Requires(Permission.SIGNED_IN)
	String home() {
		if (Access.allowsSomewhere(Permission.INBOX_READ)) {
			return "redirect:/inbox";
		}
		if (Access.allowsSomewhere(Permission.REPORT_READ)) {
			return "redirect:/report/dashboard";
		}
		return Access.allowsSomewhere(Permission.ORG_ADMIN) ? "redirect:/admin" : "redirect:/profile";
	}

	@GetMapping("/login")
	@Requires(Permission.PUBLIC)
	String login() {
		return "login";
	}

}
