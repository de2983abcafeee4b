package org.linea.admin;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.UserSummary;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineForm;
import org.linea.access.NewUserForm;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.privacy.RevealRoles;
import org.linea.access.ChannelType;
import org.linea.access.AuditLog;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisations, lines, users and roles, and the audit log. Each administrator sees and changes only
 * what they administer: an organisation administrator their organisation's, an installation
 * administrator everything but the organisations' people.
 */
@Controller
@RequestMapping("/admin")
@Requires(Permission.ORG_ADMIN)
@RedirectOnRefusal("/admin")
class AdminController {

	private final OrganisationService organisations;

	private final LineService lines;

	private final UserAdministration users;

	private final AuditLog audit;

	private final RevealRoles revealRoles;

	AdminController(OrganisationService organisations, LineService lines, UserAdministration users, AuditLog audit,
			RevealRoles revealRoles) {
		this.revealRoles = revealRoles;
		this.organisations = organisations;
		this.lines = lines;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	String overview(Model model) {
		LineaUser me = CurrentUser.require();
		List<UserSummary> users = this.users.visible();
		model.addAttribute("installationAdmin", me.isInstallationAdmin());
		model.addAttribute("organisations", this.organisations.administered());
		List<Line> lines = this.lines.administered();
		model.addAttribute("lines", lines);
		model.addAttribute("revealRoles", lines.stream().collect(Collectors.toMap(Line::key, l -> this.revealRoles.of(l.id()))));
		model.addAttribute("revealEligible", RevealRoles.eligible());
		model.addAttribute("users", users);
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> me.isInstallationAdmin() || !r.isInstallationWide()).toList());
		model.addAttribute("channelTypes", ChannelType.values());
		model.addAttribute("audit", me.isInstallationAdmin() ? this.audit.recent(50)
				: this.audit.recentAbout(me.organisationsWhere(Permission.ORG_ADMIN), users.stream().map(UserSummary::id).toList(), 50));
		return "admin/admin";
	}

	@PostMapping("/organisations")
	@Requires(Permission.INSTALLATION_ADMIN)
	String createOrganisation(@RequestParam String slug, @RequestParam String name, RedirectAttributes redirect) {
		Access.requireInstallation(Permission.INSTALLATION_ADMIN);
		return attempt(redirect, () -> this.organisations.create(slug.strip(), name));
	}

	@PostMapping("/lines")
	String createLine(@RequestParam long organisationId, @RequestParam String key, @RequestParam String name,
			@RequestParam ChannelType channelType, @RequestParam String countryCode, @RequestParam String timeZone,
			@RequestParam String languages, @RequestParam(defaultValue = "") String openingHours,
			@RequestParam(defaultValue = "30") int retentionDays, @RequestParam(defaultValue = "30") int firstResponseMinutes,
			RedirectAttributes redirect) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		List<String> languageList = Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
		return attempt(redirect, () -> this.lines.create(new LineForm(organisationId, key.strip(), name, channelType,
				countryCode.strip().toUpperCase(), timeZone.strip(), languageList, openingHours, retentionDays,
				firstResponseMinutes)));
	}

	@PostMapping("/lines/{lineKey}/reveal-roles")
	String chooseRevealRoles(@PathVariable String lineKey, @RequestParam(name = "role", required = false) Set<Role> roles,
			RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.ORG_ADMIN);
		return attempt(redirect, () -> this.revealRoles.choose(line, roles == null ? Set.of() : roles));
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
		action.run();
		redirect.addFlashAttribute("notice", "admin.saved");
		return "redirect:/admin";
	}

}
