package org.linea.inbox;

import java.util.List;

import java.util.Set;
import java.util.stream.Collectors;

import org.linea.admin.Line;
import org.linea.shared.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox pages. Without JavaScript every action is a form post and a redirect; with htmx the queue
 * and the open conversation refresh in place when the server announces a change.
 */
@Controller
class InboxController {

	private final InboxService inbox;

	private final InboxLiveUpdates live;

	InboxController(InboxService inbox, InboxLiveUpdates live) {
		this.inbox = inbox;
		this.live = live;
	}

	@GetMapping("/inbox")
	String inbox(Model model) {
		model.addAttribute("lines", this.inbox.lines());
		return "inbox/inbox";
	}

	@GetMapping("/inbox/queue")
	String queue(Model model) {
		model.addAttribute("queue", this.inbox.queue(this.inbox.lines()));
		return "inbox/fragments :: queue";
	}

	@GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		Set<Long> lineIds = this.inbox.lines().stream().map(Line::id).collect(Collectors.toSet());
		return this.live.subscribe(lineIds);
	}

	@GetMapping("/inbox/conversations/{id}")
	String conversation(@PathVariable long id, Model model) {
		model.addAttribute("lines", this.inbox.lines());
		model.addAttribute("view", this.inbox.view(id));
		return "inbox/inbox";
	}

	@GetMapping("/inbox/conversations/{id}/pane")
	String pane(@PathVariable long id, Model model) {
		model.addAttribute("view", this.inbox.view(id));
		return "inbox/fragments :: conversation";
	}

	@PostMapping("/inbox/conversations/{id}/claim")
	String claim(@PathVariable long id) {
		this.inbox.claim(id);
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/inbox/conversations/{id}/release")
	String release(@PathVariable long id) {
		this.inbox.release(id);
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/conversations/{id}/messages")
	String reply(@PathVariable long id, ReplyForm form, RedirectAttributes redirect) {
		try {
			this.inbox.reply(id, form.text());
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("draft", form.text());
		}
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/inbox/conversations/{id}/template")
	String replyWithTemplate(@PathVariable long id, @RequestParam long templateId,
			@RequestParam(defaultValue = "") String parameters, RedirectAttributes redirect) {
		try {
			this.inbox.replyWithTemplate(id, templateId, parameters.isBlank() ? List.of() : parameters.strip().lines().map(String::strip).toList());
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/inbox/conversations/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		this.inbox.close(id);
		redirect.addFlashAttribute("notice", "inbox.closed");
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/conversations/{id}/reveal")
	String reveal(@PathVariable long id, Model model) {
		model.addAttribute("identity", this.inbox.reveal(id));
		return "inbox/fragments :: identity";
	}

	@ExceptionHandler(ClaimConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ClaimConflictException ex, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		model.addAttribute("holder", ex.holder());
		model.addAttribute("message", ex.getMessage());
		return htmx != null ? "inbox/fragments :: conflict" : "inbox/conflict";
	}


}
