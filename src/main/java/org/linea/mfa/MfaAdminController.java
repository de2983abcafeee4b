package org.linea.mfa;

import java.util.List;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.linea.access.Membership;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.UserService;
import org.linea.access.UserSummary;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-step sign-in for administrators: which of their users have it, resetting a user's authenticator
 * (lost phone), and an organisation's choice to require it of all staff. An installation admin acts on
 * everyone; an organisation admin only on users who belong to no organisation but theirs.
 */
@Controller
@Requires(Permission.ORG_ADMIN)
class MfaAdminController {

	private final MfaService mfa;

	private final MfaPolicy policy;

	private final UserService users;

	private final OrganisationService organisations;

	MfaAdminController(MfaService mfa, MfaPolicy policy, UserService users, OrganisationService organisations) {
		this.mfa = mfa;
		this.policy = policy;
		this.users = users;
		this.organisations = organisations;
	}

	/** A user as this page lists them. */
	record UserRow(UserSummary user, boolean enrolled, boolean required, boolean resettable) {
	}

	/** An organisation and whether it requires the second step of all its staff. */
	record OrganisationRow(Organisation organisation, boolean staffRequired) {
	}

	@GetMapping("/admin/mfa")
	String page(Model model) {
		LineaUser me = CurrentUser.require();
		Set<Long> enrolled = this.mfa.enrolledUsers();
		Set<Long> requiring = this.policy.organisationsRequiringStaff();
		List<UserRow> rows = this.users.all()
			.stream()
			.filter(u -> visible(me, u))
			.map(u -> new UserRow(u, enrolled.contains(u.id()), required(u.memberships(), requiring), inScope(me, u)))
			.toList();
		model.addAttribute("users", rows);
		model.addAttribute("organisations", this.organisations.all()
			.stream()
			.filter(o -> administers(me, o.id()))
			.map(o -> new OrganisationRow(o, requiring.contains(o.id())))
			.toList());
		return "mfa/admin";
	}

	@PostMapping("/admin/mfa/users/{userId}/reset")
	String reset(@PathVariable long userId, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		UserSummary target = this.users.all().stream().filter(u -> u.id() == userId).findFirst().orElse(null);
		if (target == null || !inScope(me, target)) {
			throw new AccessDeniedException("Not a user you administer");
		}
		Long organisation = me.isInstallationAdmin() ? null : target.memberships().getFirst().organisationId();
		this.mfa.reset(userId, organisation);
		redirect.addFlashAttribute("notice", "mfa.admin.resetDone");
		return "redirect:/admin/mfa";
	}

	@PostMapping("/admin/mfa/organisations/{organisationId}")
	String requireOfStaff(@PathVariable long organisationId, @RequestParam boolean required, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		if (!administers(me, organisationId)) {
			throw new AccessDeniedException("Not an organisation you administer");
		}
		this.policy.requireOfAllStaff(organisationId, required, me.id());
		redirect.addFlashAttribute("notice", "mfa.admin.policySaved");
		return "redirect:/admin/mfa";
	}

	private static boolean administers(LineaUser me, long organisationId) {
		return me.can(organisationId, Permission.ORG_ADMIN);
	}

	private static boolean visible(LineaUser me, UserSummary user) {
		return me.isInstallationAdmin() || user.memberships().stream().anyMatch(m -> m.organisationId() != null && administers(me, m.organisationId()));
	}

	/** Someone else, and (for an organisation admin) holding roles only in organisations they administer. */
	private static boolean inScope(LineaUser me, UserSummary user) {
		if (user.id() == me.id()) {
			return false;
		}
		if (me.isInstallationAdmin()) {
			return true;
		}
		return !user.memberships().isEmpty()
				&& user.memberships().stream().allMatch(m -> m.organisationId() != null && administers(me, m.organisationId()));
	}

	private static boolean required(List<Membership> memberships, Set<Long> requiring) {
		return memberships.stream()
			.anyMatch(m -> MfaPolicy.ALWAYS_REQUIRED.contains(m.role()) || (m.organisationId() != null && requiring.contains(m.organisationId())));
	}

}
