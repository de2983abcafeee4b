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

	private final InboxQueue queue;

	private final ConversationPage page;

	private final Claims claims;

	private final Replies replies;

	private final ConversationActions actions;

	private final NotesAndMentions notes;

	private final Referrals referrals;

	private final Closing closing;

	private final ContactDetails contactDetails;

	private final InboxLiveUpdates live;

	private final Availability availability;

	private final AutoAssignment autoAssignment;

	private final Codebook codebook;

	private final EarlierInteractions earlier;

	InboxController(InboxQueue queue, ConversationPage page, Claims claims, Replies replies, ConversationActions actions,
			NotesAndMentions notes, Referrals referrals, Closing closing, ContactDetails contactDetails, InboxLiveUpdates live,
			Availability availability, AutoAssignment autoAssignment, Codebook codebook, EarlierInteractions earlier, Messages messages) {
		this.queue = queue;
		this.page = page;
		this.claims = claims;
		this.replies = replies;
		this.actions = actions;
		this.notes = notes;
		this.referrals = referrals;
		this.closing = closing;
		this.contactDetails = contactDetails;
		this.messages = messages;
		this.codebook = codebook;
		this.earlier = earlier;
		this.live = live;
		this.availability = availability;
		this.autoAssignment = autoAssignment;
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox")
	String inbox(QueueForm filters, Model model) {
		pageModel(filters, model);
		return "inbox/inbox";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/queue")
	String queue(QueueForm filters, Model model) {
		model.addAttribute("queue", this.queue.queue(this.queue.lines(), filters));
		model.addAttribute("queueLimit", InboxQueue.QUEUE_LIMIT);
		return "inbox/fragments :: queue";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		Set<Long> lineIds = this.queue.lines().stream().map(Line::id).collect(Collectors.toSet());
		return this.live.subscribe(lineIds);
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}")
	String conversation(@PathVariable long id, QueueForm filters, Model model) {
		pageModel(filters, model);
		conversationModel(id, model);
		return "inbox/inbox";
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}/pane")
	String pane(@PathVariable long id, Model model) {
		ConversationView view = this.page.view(id);
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
		this.claims.claim(id);
		return back(id);
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/release")
	String release(@PathVariable long id) {
		this.claims.release(id);
		return "redirect:/inbox";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/assign")
	String assign(@PathVariable long id, @RequestParam long userId, RedirectAttributes redirect) {
		return attempt(id, () -> this.claims.assign(id, userId));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/messages")
	String reply(@PathVariable long id, ReplyForm form, RedirectAttributes redirect) {
		Refusals.keep("draft", form.text());
		this.replies.reply(id, form.text(), form.confirmedTakeOver(), form.insertedEntry());
		return back(id);
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/inbox/conversations/{id}/quick-replies")
	String quickReplies(@PathVariable long id, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) EntryKind kind, Model model) {
		model.addAttribute("replies", this.replies.quickReplies(id, q, kind));
		return "inbox/fragments :: quick-replies";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/template")
	String replyWithTemplate(@PathVariable long id, @RequestParam long templateId,
			@RequestParam(defaultValue = "") String parameters, RedirectAttributes redirect) {
		return attempt(id, () -> this.replies.replyWithTemplate(id, templateId,
				parameters.isBlank() ? List.of() : parameters.strip().lines().map(String::strip).toList()));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/notes")
	String note(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
		return attempt(id, () -> this.notes.note(id, text));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam long teamId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.actions.escalate(id, teamId, note);
		redirect.addFlashAttribute("notice", "inbox.escalated");
		return "redirect:/inbox";
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/triage")
	String triage(@PathVariable long id, @RequestParam(required = false) String colour, RedirectAttributes redirect) {
		return attempt(id, () -> this.actions.triage(id, colour));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/tags")
	String tags(@PathVariable long id, @RequestParam(required = false) String tags, RedirectAttributes redirect) {
		return attempt(id, () -> this.actions.tag(id, tags));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/referrals")
	String refer(@PathVariable long id, @RequestParam String service,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointment, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return attempt(id, () -> this.referrals.refer(id, service, appointment, note));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/referrals/{referralId}")
	String updateReferral(@PathVariable long id, @PathVariable long referralId, @RequestParam String status,
			RedirectAttributes redirect) {
		return attempt(id, () -> this.referrals.updateReferral(referralId, status));
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/close")
	String close(@PathVariable long id, CloseForm form, RedirectAttributes redirect) {
		this.closing.close(id, form.coding());
		redirect.addFlashAttribute("notice", "inbox.closed");
		return "redirect:/inbox";
	}

	@Requires(Permission.CONTACT_REVEAL)
	@PostMapping("/inbox/conversations/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
		try {
			model.addAttribute("identity", this.contactDetails.reveal(id, reason));
			return "inbox/fragments :: identity";
		}
		catch (InvalidRequestException ex) {
			return "inbox/fragments :: revealReasonNeeded";
		}
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/inbox/conversations/{id}/phone-use")
	String phoneUse(@PathVariable long id, @RequestParam PhoneUse use, RedirectAttributes redirect) {
		this.contactDetails.markPhoneUse(id, use);
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

	private void pageModel(QueueForm filters, Model model) {
		List<Line> lines = this.queue.lines();
		model.addAttribute("lines", lines);
		model.addAttribute("teams", this.queue.teams(lines));
		model.addAttribute("filters", filters);
		model.addAttribute("mentions", this.notes.myMentions());
		model.addAttribute("online", this.availability.isOnline(CurrentUser.require().id()));
	}

	private void conversationModel(long id, Model model) {
		ConversationView view = this.page.view(id);
		model.addAttribute("view", view);
		model.addAttribute("mayReveal", this.contactDetails.mayReveal(view.line()));
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
