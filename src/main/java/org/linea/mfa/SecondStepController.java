package org.linea.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The second page of sign-in: after the password, a code from the authenticator app or a recovery code. */
@Controller
@Requires(Permission.SIGNED_IN)
class SecondStepController {

	private static final Logger log = LoggerFactory.getLogger(SecondStepController.class);

	private final RequestCache requests = new HttpSessionRequestCache();

	private final MfaService mfa;

	SecondStepController(MfaService mfa) {
		this.mfa = mfa;
	}

	@GetMapping("/login/code")
	String codePage() {
		LineaUser me = CurrentUser.require();
		if (!this.mfa.enrolled(me.id())) {
			return "redirect:/";
		}
		return "mfa/code";
	}

	@PostMapping("/login/code")
	String submit(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		LineaUser me = CurrentUser.require();
		if (SecondFactor.has(SecurityContextHolder.getContext().getAuthentication(), SecondFactor.AUTHORITY)) {
			return "redirect:/";
		}
		MfaService.Check check = this.mfa.check(me.id(), code);
		switch (check) {
			case THROTTLED -> {
				log.warn("Second step throttled user={}", me.getUsername());
				return "redirect:/login/code?throttled";
			}
			case WRONG -> {
				log.warn("Wrong second-step code user={}", me.getUsername());
				return "redirect:/login/code?error";
			}
			default -> {
				SecondFactor.complete(request, response);
				log.info("Second step passed user={} recoveryCode={}", me.getUsername(), check == MfaService.Check.RECOVERY_CODE_USED);
				if (check == MfaService.Check.RECOVERY_CODE_USED) {
					redirect.addFlashAttribute("notice", "mfa.recoveryCodeUsed");
					return "redirect:/profile";
				}
				SavedRequest saved = this.requests.getRequest(request, response);
				this.requests.removeRequest(request, response);
				return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
			}
		}
	}

}
