package org.linea.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting up an authenticator app (the QR code, the URI and the secret; confirmed by a first code),
 * and, from the profile, new recovery codes or turning the second step off.
 */
@Controller
@Requires(Permission.SIGNED_IN)
class EnrolmentController {

	private final MfaService mfa;

	private final MfaPolicy policy;

	private final Reauthentication reauthentication;

	private final Clock clock;

	EnrolmentController(MfaService mfa, MfaPolicy policy, Reauthentication reauthentication, Clock clock) {
		this.mfa = mfa;
		this.policy = policy;
		this.reauthentication = reauthentication;
		this.clock = clock;
	}

	@GetMapping("/mfa/enrol")
	String enrolPage(Model model) {
		LineaUser me = CurrentUser.require();
		model.addAttribute("enrolment", this.mfa.startEnrolment(me));
		model.addAttribute("passwordNeeded", !passwordRecent());
		model.addAttribute("mustEnrol", this.policy.required(me) && !this.mfa.enrolled(me.id()));
		model.addAttribute("replacing", this.mfa.enrolled(me.id()));
		return "mfa/enrol";
	}

	@PostMapping("/mfa/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) String current,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		if (!passwordRecent()) {
			MfaService.Check check = this.reauthentication.password(me, current);
			if (!check.passed()) {
				return "redirect:/mfa/enrol?" + (check == MfaService.Check.THROTTLED ? "throttled" : "wrongPassword");
			}
		}
		Optional<List<String>> codes = this.mfa.confirmEnrolment(me.id(), code);
		if (codes.isEmpty()) {
			return "redirect:/mfa/enrol?error";
		}
		// the code just proved the authenticator: this session has shown both factors
		SecondFactor.complete(request, response);
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:/mfa/recovery-codes";
	}

	@GetMapping("/mfa/recovery-codes")
	String recoveryCodes() {
		return "mfa/recovery-codes";
	}

	@PostMapping("/profile/mfa/recovery-codes")
	String newRecoveryCodes(@RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		if (!this.mfa.enrolled(me.id())) {
			return "redirect:/profile";
		}
		MfaService.Check check = this.reauthentication.confirm(me, confirmation);
		if (!check.passed()) {
			redirect.addFlashAttribute("mfaError", check == MfaService.Check.THROTTLED ? "mfa.throttled" : "mfa.confirmationWrong");
			return "redirect:/profile";
		}
		redirect.addFlashAttribute("recoveryCodes", this.mfa.newRecoveryCodes(me.id()));
		return "redirect:/mfa/recovery-codes";
	}

	@PostMapping("/profile/mfa/disable")
	String disable(@RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		if (this.policy.required(me)) {
			redirect.addFlashAttribute("mfaError", "mfa.cannotDisable");
			return "redirect:/profile";
		}
		MfaService.Check check = this.reauthentication.confirm(me, confirmation);
		if (!check.passed()) {
			redirect.addFlashAttribute("mfaError", check == MfaService.Check.THROTTLED ? "mfa.throttled" : "mfa.confirmationWrong");
			return "redirect:/profile";
		}
		this.mfa.disable(me.id());
		redirect.addFlashAttribute("notice", "mfa.disabled");
		return "redirect:/profile";
	}

	private boolean passwordRecent() {
		return SecondFactor.passwordGivenSince(SecurityContextHolder.getContext().getAuthentication(),
				Instant.now(this.clock).minus(SecondFactor.RECENT_PASSWORD));
	}

}
