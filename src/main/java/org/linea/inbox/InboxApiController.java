package org.linea.inbox;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.conversation.ConversationState;
import org.linea.feedback.coding.Coding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversations for integrations, under the inbox's rules: a restricted conversation shows its code
 * and times only to those outside its team, reading one is audited, and no two people answer it.
 */
@RestController
@Tag(name = "Conversations", description = "Open conversations, their messages, assignment, answers and closing")
class InboxApiController {

	private final InboxQueue queue;

	private final ConversationPage page;

	private final Claims claims;

	private final Replies replies;

	private final Closing closing;

	private final LineService lines;

	InboxApiController(InboxQueue queue, ConversationPage page, Claims claims, Replies replies, Closing closing, LineService lines) {
		this.queue = queue;
		this.page = page;
		this.claims = claims;
		this.replies = replies;
		this.closing = closing;
		this.lines = lines;
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/api/lines/{lineKey}/conversations")
	@Operation(summary = "The line's open conversations, longest waiting first",
			description = "view: all (default, the bot's too), waiting (nobody holds them) or mine; team: a team id; code: a person's code; tag")
	List<QueueEntry> conversations(@PathVariable String lineKey, @RequestParam(required = false) String view,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String code,
			@RequestParam(required = false) String tag) {
		Line line = this.lines.requireAccess(lineKey, Permission.INBOX_READ);
		return this.queue.queue(List.of(line), new QueueForm(view, team, code, tag, null));
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/api/conversations/{conversationId}")
	@Operation(summary = "A conversation with its messages both ways, its referrals and coding (the read is audited)")
	ConversationDetail conversation(@PathVariable long conversationId) {
		ConversationView view = this.page.view(conversationId);
		return new ConversationDetail(view.conversation().id(), view.line().key(), view.conversation().contactCode(), view.maskedPhone(),
				view.conversation().state(), view.conversation().language(), view.team(), view.holder(), view.conversation().triage(),
				view.conversation().tags(), view.conversation().openedAt(), view.conversation().closedAt(), view.window().open(),
				view.messages(), view.referrals(), view.coding());
	}

	@Requires(Permission.INBOX_READ)
	@GetMapping("/api/conversations/{conversationId}/messages")
	@Operation(summary = "The conversation's messages both ways, oldest first (the read is audited, as the conversation's)")
	List<MessageView> messages(@PathVariable long conversationId) {
		return this.page.view(conversationId).messages();
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/api/conversations/{conversationId}/assign")
	@Operation(summary = "Hand the conversation to a colleague who works on the line")
	void assign(@PathVariable long conversationId, @RequestBody Assignment assignment) {
		this.claims.assign(conversationId, assignment.userId());
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/api/conversations/{conversationId}/replies")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Answer the person (inside the channel's reply window); 409 when someone else holds the conversation")
	void reply(@PathVariable long conversationId, @RequestBody Reply reply) {
		this.replies.reply(conversationId, reply.text(), false);
	}

	@Requires(Permission.INBOX_REPLY)
	@PostMapping("/api/conversations/{conversationId}/close")
	@Operation(summary = "Code and close the interaction; the person is then asked the closing questions")
	void close(@PathVariable long conversationId, @RequestBody Coding coding) {
		this.closing.close(conversationId, coding);
	}

	record ConversationDetail(long id, String lineKey, String contactCode, String maskedPhone, ConversationState state, String language,
			String team, String holder, String triage, List<String> tags, Instant openedAt, Instant closedAt,
			@Schema(description = "whether a free-form answer can go now (else only an approved template)") boolean replyWindowOpen,
			List<MessageView> messages, List<Referral> referrals, Coding coding) {
	}

	record Assignment(Long userId) {
	}

	record Reply(@Schema(example = "Hola, le escribe Ana de la Cruz Roja.") String text) {
	}

}
