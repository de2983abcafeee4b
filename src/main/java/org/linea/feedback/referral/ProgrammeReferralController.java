package org.linea.feedback.referral;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Referring a feedback record to a programme and following it, from the record's page. */
@Controller
@Requires(Permission.FEEDBACK_CODE)
@RedirectOnRefusal("/feedback/log/{id}")
class ProgrammeReferralController {

	private final ProgrammeReferrals referrals;

	ProgrammeReferralController(ProgrammeReferrals referrals) {
		this.referrals = referrals;
	}

	@PostMapping("/feedback/log/{id}/referrals")
	String refer(@PathVariable long id, @RequestParam String programme, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return attempt(id, redirect, () -> this.referrals.refer(id, programme, note));
	}

	@PostMapping("/feedback/log/{id}/referrals/{referralId}")
	String advance(@PathVariable long id, @PathVariable long referralId, @RequestParam ReferralStep step,
			@RequestParam(required = false) String response, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> this.referrals.advance(referralId, step, response));
	}

	private static String attempt(long id, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", "referral.saved");
		return "redirect:/feedback/log/" + id;
	}

}
