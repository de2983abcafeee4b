package org.linea.bot;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators test the bot and review what it could not answer; operators mark wrong answers. */
@Controller
class BotController {

	private static final int REVIEW_DAYS = 30;

	private final BotService bot;

	private final LineService lines;

	private final Messages messages;

	BotController(BotService bot, LineService lines, Messages messages) {
		this.messages = messages;
		this.bot = bot;
		this.lines = lines;
	}

	@Requires(Permission.BOT_REVIEW)
	@GetMapping("/bot/{lineKey}/test")
	String testPage(@PathVariable String lineKey, Model model) {
		model.addAttribute("line", line(lineKey));
		return "bot/test";
	}

	/** Shows the decision on the same page: testing changes nothing, so there is nothing to redirect after. */
	@Requires(Permission.BOT_REVIEW)
	@PostMapping("/bot/{lineKey}/test")
	String test(@PathVariable String lineKey, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String previous, Model model) {
		Line line = line(lineKey);
		model.addAttribute("line", line);
		model.addAttribute("text", text);
		model.addAttribute("previous", previous);
		try {
			model.addAttribute("decision", this.bot.test(lineKey, text, previous.isBlank() ? null : previous));
		}
		catch (InvalidRequestException ex) {
			// the same page again, with what was typed and why it cannot be tested
			model.addAttribute("error", this.messages.of(ex));
		}
		return "bot/test";
	}

	@Requires(Permission.BOT_REVIEW)
	@GetMapping("/bot/{lineKey}/review")
	String review(@PathVariable String lineKey, Model model) {
		model.addAttribute("groups", this.bot.unanswered(lineKey, REVIEW_DAYS));
		model.addAttribute("wrong", this.bot.markedWrong(lineKey, REVIEW_DAYS));
		model.addAttribute("line", line(lineKey));
		model.addAttribute("days", REVIEW_DAYS);
		model.addAttribute("entries", this.bot.validatedEntries(lineKey));
		return "bot/review";
	}

	/** The questions of a group of unanswered ones are proposed as phrasings of an entry. */
	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/bot/{lineKey}/review/assign")
	@RedirectOnRefusal("/bot/{lineKey}/review")
	String assign(@PathVariable String lineKey, @RequestParam(name = "decision", required = false) java.util.List<Long> decisions,
			@RequestParam(defaultValue = "") String entry, RedirectAttributes redirect) {
		this.bot.assign(lineKey, decisions, entry);
		redirect.addFlashAttribute("assigned", entry.strip().toUpperCase(java.util.Locale.ROOT));
		return "redirect:/bot/" + lineKey + "/review";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/bot/conversations/{conversationId}/messages/{messageId}/wrong")
	@RedirectOnRefusal("/inbox/conversations/{conversationId}")
	String markWrong(@PathVariable long conversationId, @PathVariable long messageId,
			@RequestParam(defaultValue = "") String entry, RedirectAttributes redirect) {
		String marked = this.bot.markWrong(conversationId, messageId, entry);
		redirect.addFlashAttribute("markedEntry", marked);
		return "redirect:/inbox/conversations/" + conversationId;
	}

	private Line line(String lineKey) {
		return this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
	}

}
