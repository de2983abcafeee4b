package org.linea.closure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Closing a line from scripts: the last message, then referrals. */
@RestController
@Tag(name = "Line closure", description = "A line's exit: a last message with alternative contacts, then referrals to anyone writing in")
@Requires(Permission.LINE_CLOSE)
class LineClosureApiController {

	private final LineClosures closures;

	LineClosureApiController(LineClosures closures) {
		this.closures = closures;
	}

	@PostMapping("/api/lines/{lineKey}/closure")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Close the line: send a last message with alternative contacts to everyone who wrote in lately, then refer anyone writing in",
			description = "{\"message\": {\"es\": \"...\", \"en\": \"...\"} | \"ENTRY-KEY\", \"alternatives\": \"text with other contacts\", "
					+ "\"activeDays\": 30, \"closesAt\"?: \"2026-12-31T23:00:00Z\", \"template\"?: {\"name\", \"language\", \"parameters\"}, "
					+ "\"referral\"?: {\"es\": \"...\"}}. "
					+ "The last message (with the alternatives after it) is a service message: it goes to everyone who wrote in within "
					+ "activeDays and has not opted out, as a broadcast (free text inside WhatsApp's 24-hour window, the template outside it, "
					+ "else SKIPPED_WINDOW_CLOSED). From closesAt (now when absent) anyone writing in is answered with the referral in their "
					+ "language (the organisation's own referral text where given for that language, else the shipped one followed by the "
					+ "alternatives) and nothing reaches the bot or the queue; the line's data keeps following its retention periods.")
	Closure close(@PathVariable String lineKey, @RequestBody ClosureRequest request) {
		return this.closures.close(lineKey, request);
	}

	@DeleteMapping("/api/lines/{lineKey}/closure")
	@Operation(summary = "Call the closure off: the line answers people again",
			description = "Before or after closesAt. The last message stops going to those it has not reached yet (its broadcast is "
					+ "cancelled); the closure is kept in the line's history and the audit log. 400 when the line is not closed or closing.")
	Closure reopen(@PathVariable String lineKey) {
		return this.closures.reopen(lineKey);
	}

	@GetMapping("/api/lines/{lineKey}/closure")
	@Operation(summary = "The line's closure: when it closes, its alternatives and the last message's broadcast ({\"closed\": false} and no closesAt while it runs)")
	Closure closure(@PathVariable String lineKey) {
		return this.closures.of(lineKey).orElseGet(() -> Closure.running(lineKey));
	}

}
