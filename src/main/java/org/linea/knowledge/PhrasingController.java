package org.linea.knowledge;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue of learned phrasings: approve, give to another entry, or reject each one. */
@Controller
@RequestMapping("/knowledge/{lineKey}/phrasings")
@RedirectOnRefusal("/knowledge/{lineKey}/phrasings")
class PhrasingController {

	private final PhrasingService phrasings;

	private final KnowledgeService knowledge;

	private final LineService lines;

	PhrasingController(PhrasingService phrasings, KnowledgeService knowledge, LineService lines) {
		this.phrasings = phrasings;
		this.knowledge = knowledge;
		this.lines = lines;
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@GetMapping
	String queue(@PathVariable String lineKey, Model model) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		model.addAttribute("line", line);
		model.addAttribute("proposed", this.phrasings.queue(lineKey));
		model.addAttribute("entries", this.knowledge.entries(lineKey).stream().filter(e -> e.status() != EntryStatus.RETIRED).toList());
		return "knowledge/phrasings";
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{id}/approve")
	String approve(@PathVariable String lineKey, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, "knowledge.phrasings.approved", () -> this.phrasings.approve(lineKey, id));
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{id}/reassign")
	String reassign(@PathVariable String lineKey, @PathVariable long id, @RequestParam(defaultValue = "") String entry,
			RedirectAttributes redirect) {
		return attempt(lineKey, redirect, "knowledge.phrasings.reassigned", () -> this.phrasings.reassign(lineKey, id, entry));
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{id}/reject")
	String reject(@PathVariable String lineKey, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(lineKey, redirect, "knowledge.phrasings.rejected", () -> this.phrasings.reject(lineKey, id));
	}

	private static String attempt(String lineKey, RedirectAttributes redirect, String notice, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/knowledge/" + lineKey + "/phrasings";
	}

}
