package org.linea.safeguarding;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's file for its focal points: notes, referrals, follow-ups, closing with an outcome. */
@Controller
@Requires(Permission.SAFEGUARDING_HANDLE)
@RedirectOnRefusal("/safeguarding/cases/{id}")
class CaseController {

	private final CaseWork work;

	CaseController(CaseWork work) {
		this.work = work;
	}

	@GetMapping("/safeguarding/cases/{id}")
	String file(@PathVariable long id, Model model) {
		model.addAttribute("file", this.work.file(id));
		model.addAttribute("consents", Consent.values());
		model.addAttribute("statuses", ReferralStatus.values());
		model.addAttribute("outcomes", Outcome.values());
		return "safeguarding/case";
	}

	@PostMapping("/safeguarding/cases/{id}/notes")
	String note(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
		return attempt(id, redirect, "safeguarding.noteAdded", () -> this.work.addNote(id, text));
	}

	@PostMapping("/safeguarding/cases/{id}/referrals")
	String refer(@PathVariable long id, @RequestParam long serviceId, @RequestParam Consent consent,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return attempt(id, redirect, "safeguarding.referred", () -> this.work.refer(id, serviceId, consent, note));
	}

	@PostMapping("/safeguarding/cases/{id}/referrals/{referralId}/follow-ups")
	String followUp(@PathVariable long id, @PathVariable long referralId, @RequestParam ReferralStatus status,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return attempt(id, redirect, "safeguarding.followedUp", () -> this.work.followUp(id, referralId, status, note));
	}

	@PostMapping("/safeguarding/cases/{id}/close")
	String close(@PathVariable long id, @RequestParam Outcome outcome, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "safeguarding.closed", () -> this.work.close(id, outcome, note));
	}

	/** A rule the focal point can fix is shown on the case's page; a case they may not see is not found or refused. */
	private static String attempt(long id, RedirectAttributes redirect, String notice, Runnable action) {
		PageActions.attempt(redirect, notice, action);
		return "redirect:/safeguarding/cases/" + id;
	}

}
