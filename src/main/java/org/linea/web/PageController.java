package org.linea.web;

import org.linea.admin.CurrentUser;
import org.linea.admin.Role;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PageController {

	/** Where a user starts: the inbox for those who answer people, the dashboard for analysts. */
	@GetMapping("/")
	String home() {
		boolean analystOnly = CurrentUser.find()
			.map(user -> !user.isAdmin() && user.memberships().stream().allMatch(m -> m.role() == Role.ANALYST))
			.orElse(false);
		return analystOnly ? "redirect:/report/dashboard" : "redirect:/inbox";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
