package org.linea.admin;

import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.linea.access.UserService;
import org.linea.access.ApiTokenService;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.mfa.MfaService;
import org.linea.shared.Messages;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: password, two-step sign-in and personal access tokens for the API. */
@Controller
@RequestMapping("/profile")
@Requires(Permission.SIGNED_IN)
@RedirectOnRefusal("/profile")
class ProfileController {

	private final ApiTokenService tokens;

	private final UserService users;

	private final PasswordEncoder passwords;

	private final MfaService mfa;

	private final Messages messages;

	ProfileController(ApiTokenService tokens, UserService users, PasswordEncoder passwords, MfaService mfa,
			Messages messages) {
		this.tokens = tokens;
		this.users = users;
		this.passwords = passwords;
		this.mfa = mfa;
		this.messages = messages;
	}

	@GetMapping
	String profile(Model model) {
		LineaUser me = CurrentUser.require();
		model.addAttribute("me", me);
		model.addAttribute("tokens", this.tokens.tokensOf(me.id()));
		model.addAttribute("mfa", this.mfa.status(me));
		return "profile/profile";
	}

	@PostMapping("/tokens")
	String createToken(@RequestParam String name, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newToken", this.tokens.create(CurrentUser.require().id(), name));
		return "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(CurrentUser.require().id(), id);
		redirect.addFlashAttribute("notice", "profile.tokenRevoked");
		return "redirect:/profile";
	}

	@PostMapping("/password")
	String changePassword(@RequestParam String current, @RequestParam String password, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		String hash = this.users.loadUserByUsername(me.getUsername()).getPassword();
		if (!this.passwords.matches(current, hash)) {
			redirect.addFlashAttribute("error", this.messages.get("security.password.currentWrong"));
			return "redirect:/profile";
		}
		this.users.setPassword(me.id(), password);
		redirect.addFlashAttribute("notice", "profile.passwordChanged");
		return "redirect:/profile";
	}

}
