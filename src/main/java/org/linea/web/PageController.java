package org.linea.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PageController {

	@GetMapping("/")
	String home() {
		return "redirect:/inbox";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
