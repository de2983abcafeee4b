package org.linea.feedback.log;

import org.linea.feedback.LineScopes;
import org.linea.feedback.LineScope;
import org.linea.feedback.coding.Codebook;
import org.linea.feedback.coding.CorrectionForm;
import org.linea.feedback.coding.FeedbackCodingService;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.rumour.RumourBoard;
import org.linea.feedback.referral.ProgrammeReferrals;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.NotFoundException;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The feedback log: records of a scope and dates, one record with its coding history, corrections. */
@Controller
class FeedbackLogController {

	private static final int PAGE_SIZE = 50;

	private final LineScopes scopes;

	private final FeedbackLog log;

	private final FeedbackCodingService coding;

	private final Codebook codebook;

	private final LineService lines;

	private final ProgrammeReferrals referrals;

	private final RumourBoard rumours;

	FeedbackLogController(LineScopes scopes, FeedbackLog log, FeedbackCodingService coding, Codebook codebook, LineService lines,
			ProgrammeReferrals referrals, RumourBoard rumours) {
		this.referrals = referrals;
		this.rumours = rumours;
		this.scopes = scopes;
		this.log = log;
		this.coding = coding;
		this.codebook = codebook;
		this.lines = lines;
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/feedback/log")
	String log(LogForm form, Model model) {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		long total = this.log.count(scope);
		model.addAttribute("scope", scope);
		model.addAttribute("choices", this.scopes.choices());
		model.addAttribute("records", this.log.page(scope, form.pageNumber() * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("total", total);
		model.addAttribute("page", form.pageNumber());
		model.addAttribute("lastPage", Math.max(0, (total - 1) / PAGE_SIZE));
		model.addAttribute("overdue", this.referrals.overdue(scope));
		return "feedback/log";
	}

	@Requires(Permission.FEEDBACK_RECORD_READ)
	@GetMapping("/feedback/log/{id}")
	String record(@PathVariable long id, Model model) {
		Line line = this.lines.get(this.log.lineOf(id));
		this.lines.requireAccess(line.key(), Permission.FEEDBACK_RECORD_READ);
		model.addAttribute("line", line);
		model.addAttribute("record", this.log.record(id, line).orElseThrow(() -> new NotFoundException("error.missing.record", id)));
		model.addAttribute("history", this.log.history(id));
		model.addAttribute("canCorrect", this.lines.canAccess(line, Permission.FEEDBACK_CODE));
		model.addAttribute("topics", this.codebook.activeCodes(line.organisationId()));
		model.addAttribute("feedbackTypes", FeedbackType.values());
		model.addAttribute("informationTypes", InformationType.values());
		model.addAttribute("referrals", this.referrals.of(id));
		model.addAttribute("rumours", this.rumours.flaggedIn(id, line));
		model.addAttribute("programmes", this.referrals.programmes(line.organisationId()));
		return "feedback/record";
	}

	@Requires(Permission.FEEDBACK_CODE)
	@PostMapping("/feedback/log/{id}/coding")
	@RedirectOnRefusal("/feedback/log/{id}")
	String correct(@PathVariable long id, CorrectionForm form, RedirectAttributes redirect) {
		this.coding.correct(id, form.coding(), form.reason());
		redirect.addFlashAttribute("notice", "feedback.corrected");
		return "redirect:/feedback/log/" + id;
	}

}
