package org.linea.admin;

import java.util.Arrays;
import java.util.List;

import org.linea.channel.ChannelType;
import org.linea.privacy.AuditLog;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisations, lines, users and roles, and the audit log: installation administrators only. */
@Controller
@RequestMapping("/admin")
class AdminController {

	private final OrganisationService organisations;

	private final LineService lines;

	private final UserService users;

	private final AuditLog audit;

	AdminController(OrganisationService organisations, LineService lines, UserService users, AuditLog audit) {
		this.organisations = organisations;
		this.lines = lines;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("lines", this.lines.all());
		model.addAttribute("users", this.users.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("channelTypes", ChannelType.values());
		model.addAttribute("audit", this.audit.recent(50));
		return "admin/admin";
	}

	@PostMapping("/organisations")
	String createOrganisation(@RequestParam String slug, @RequestParam String name, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.organisations.create(slug.strip(), name));
	}

	@PostMapping("/lines")
	String createLine(@RequestParam long organisationId, @RequestParam String key, @RequestParam String name,
			@RequestParam ChannelType channelType, @RequestParam String countryCode, @RequestParam String timeZone,
			@RequestParam String languages, @RequestParam(defaultValue = "") String openingHours,
			@RequestParam(defaultValue = "30") int retentionDays, @RequestParam(defaultValue = "30") int firstResponseMinutes,
			RedirectAttributes redirect) {
		List<String> languageList = Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
		return attempt(redirect, () -> this.lines.create(new LineForm(organisationId, key.strip(), name, channelType,
				countryCode.strip().toUpperCase(), timeZone.strip(), languageList, openingHours, retentionDays,
				firstResponseMinutes)));
	}

	@PostMapping("/users")
	String createUser(NewUserForm form, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.users.create(form));
	}

	@PostMapping("/users/{id}/roles")
	String grant(@PathVariable long id, @RequestParam(required = false) Long organisationId, @RequestParam Role role,
			RedirectAttributes redirect) {
		return attempt(redirect, () -> this.users.grant(id, organisationId, role));
	}

	@PostMapping("/users/{id}/roles/remove")
	String revoke(@PathVariable long id, @RequestParam(required = false) Long organisationId, @RequestParam Role role,
			RedirectAttributes redirect) {
		return attempt(redirect, () -> this.users.revoke(id, organisationId, role));
	}

	@PostMapping("/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.users.setEnabled(id, enabled));
	}

	@PostMapping("/users/{id}/password")
	String setPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.users.setPassword(id, password));
	}

	private static String attempt(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "admin.saved");
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin";
	}

}
