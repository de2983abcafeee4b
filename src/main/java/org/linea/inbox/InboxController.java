package org.linea.inbox;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.contact.PhoneUse;
import org.linea.feedback.coding.Codebook;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.knowledge.EntryKind;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.web.Refusals;
import org.linea.shared.Messages;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@RedirectOnRefusal("/inbox/conversations/{id}")
class InboxController {

	private final Messages messages;

	private final InboxService inbox;

	private final InboxLiveUpdates live;

	private final Availability availability;

	private final AutoAssignment autoAssignment;

	private final Codebook codebook;

	private final EarlierInteractions earlier;

	InboxController(InboxService inbox, InboxLiveUpdates live, Availability availability, AutoAssignment autoAssignment,
			Codebook codebook, EarlierInteractions earlier, Messages messages) {
		this.messages = messages;
		this.codebook = codebook;
		this.earlier = earlier;
		this.inbox = inbox;
		this.live = live;
		this.availability = availability;
		this.autoAssignment = autoAssignment;
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox")
	String inbox(QueueForm filters, Model model) {
		page(filters, model);
		return "inbox/inbox";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/queue")
	String queue(QueueForm filters, Model model) {
		model.addAttribute("queue", this.inbox.queue(this.inbox.lines(), filters));
		model.addAttribute("queueLimit", InboxService.QUEUE_LIMIT);
		return "inbox/fragments :: queue";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		Set<Long> lineIds = this.inbox.lines().stream().map(Line::id).collect(Collectors.toSet());
		return this.live.subscribe(lineIds);
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}")
	String conversation(@PathVariable long id, QueueForm filters, Model model) {
		page(filters, model);
		conversationModel(id, model);
		return "inbox/inbox";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}/pane")
	String pane(@PathVariable long id, Model model) {
		ConversationView view = this.inbox.view(id);
		model.addAttribute("view", view);
		return "inbox/fragments :: live";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/availability")
	String availability(@RequestParam boolean online) {
		long me = CurrentUser.require().id();
		this.availability.set(me, online);
		if (online) {
			this.autoAssignment.memberCameOnline(me);
		}
		return "redirect:/inbox";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/claim")
	String claim(@PathVariable long id) {
		this.inbox.claim(id);
		return back(id);
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/release")
	String release(@PathVariable long id) {
		this.inbox.release(id);
		return "redirect:/inbox";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/assign")
	String assign(@PathVariable long id, @RequestParam long userId, RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.assign(id, userId));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/messages")
	String reply(@PathVariable long id, ReplyForm form, RedirectAttributes redirect) {
		Refusals.keep("draft", form.text());
		this.inbox.reply(id, form.text(), form.confirmedTakeOver(), form.insertedEntry());
		return back(id);
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}/quick-replies")
	String quickReplies(@PathVariable long id, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) EntryKind kind, Model model) {
		model.addAttribute("replies", this.inbox.quickReplies(id, q, kind));
		return "inbox/fragments :: quick-replies";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/template")
	String replyWithTemplate(@PathVariable long id, @RequestParam long templateId,
			@RequestParam(defaultValue = "") String parameters, RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.replyWithTemplate(id, templateId,
				parameters.isBlank() ? List.of() : parameters.strip().lines().map(String::strip).toList()));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/notes")
	String note(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.note(id, text));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam long teamId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.inbox.escalate(id, teamId, note);
		redirect.addFlashAttribute("notice", "inbox.escalated");
		return "redirect:/inbox";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/triage")
	String triage(@PathVariable long id, @RequestParam(required = false) String colour, RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.triage(id, colour));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/tags")
	String tags(@PathVariable long id, @RequestParam(required = false) String tags, RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.tag(id, tags));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/referrals")
	String refer(@PathVariable long id, @RequestParam String service,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointment, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.refer(id, service,
				appointment == null ? null : appointment.atZone(this.inbox.view(id).line().timeZone()).toInstant(), note));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/referrals/{referralId}")
	String updateReferral(@PathVariable long id, @PathVariable long referralId, @RequestParam String status,
			RedirectAttributes redirect) {
		return attempt(id, () -> this.inbox.updateReferral(referralId, status));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/close")
	String close(@PathVariable long id, CloseForm form, RedirectAttributes redirect) {
		this.inbox.close(id, form.coding());
		redirect.addFlashAttribute("notice", "inbox.closed");
		return "redirect:/inbox";
	}

	@Requires(Permission.CONTACT_REVEAL)
	@PostMapping("/inbox/conversations/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
		try {
			model.addAttribute("identity", this.inbox.reveal(id, reason));
			return "inbox/fragments :: identity";
		}
		catch (InvalidRequestException ex) {
			return "inbox/fragments :: revealReasonNeeded";
		}
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/phone-use")
	String phoneUse(@PathVariable long id, @RequestParam PhoneUse use, RedirectAttributes redirect) {
		this.inbox.markPhoneUse(id, use);
		redirect.addFlashAttribute("notice", "inbox.phoneUse.marked." + use.name());
		return back(id);
	}

	/** The number's earlier interactions, on request: on a shared phone only for the operator working it, with a reason. */
	@Requires(Permission.INBOX_READ)
	@PostMapping("/inbox/conversations/{id}/earlier")
	String earlier(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
		try {
			model.addAttribute("earlier", this.earlier.show(id, reason));
			return "inbox/fragments :: earlier";
		}
		catch (InvalidRequestException ex) {
			return "inbox/fragments :: earlierReasonNeeded";
		}
	}

	@ExceptionHandler(ClaimConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ClaimConflictException ex, Model model, HttpServletRequest request) {
		model.addAttribute("holder", ex.holder());
		model.addAttribute("message", this.messages.of(ex));
		model.addAttribute("draft", request.getParameter("text"));
		model.addAttribute("conversationId", ex.conversationId());
		return request.getHeader("HX-Request") != null ? "inbox/fragments :: conflict" : "inbox/conflict";
	}

	private void page(QueueForm filters, Model model) {
		List<Line> lines = this.inbox.lines();
		model.addAttribute("lines", lines);
		model.addAttribute("teams", this.inbox.teams(lines));
		model.addAttribute("filters", filters);
		model.addAttribute("mentions", this.inbox.myMentions());
		model.addAttribute("online", this.availability.isOnline(CurrentUser.require().id()));
	}

	private void conversationModel(long id, Model model) {
		ConversationView view = this.inbox.view(id);
		model.addAttribute("view", view);
		model.addAttribute("mayReveal", this.inbox.mayReveal(view.line()));
		model.addAttribute("feedbackTypes", FeedbackType.values());
		model.addAttribute("informationTypes", InformationType.values());
		model.addAttribute("topics", this.codebook.activeCodes(view.line().organisationId()));
	}

	private static String attempt(long id, Runnable action) {
		action.run();
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/inbox/conversations/" + id;
	}

}
