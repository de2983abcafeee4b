package org.linea.feedback.log;

import org.linea.feedback.LineScopes;
import org.linea.feedback.LineScope;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackCodingService;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.shared.InvalidRequestException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coded feedback log for dashboards and analysis tools: no message text, no number, no name. */
@RestController
@Tag(name = "Feedback log", description = "The coded, pseudonymous record of every interaction")
class FeedbackApiController {

	private static final int MAX_PAGE = 1000;

	private final LineScopes scopes;

	private final FeedbackLog log;

	private final FeedbackCodingService coding;

	FeedbackApiController(LineScopes scopes, FeedbackLog log, FeedbackCodingService coding) {
		this.scopes = scopes;
		this.log = log;
		this.coding = coding;
	}

	@Requires(Permission.REPORT_READ)
	@GetMapping("/api/lines/{lineKey}/feedback")
	@Operation(summary = "The line's interactions opened from `from` to `to` (days in the line's time zone; by default the last seven), a page at a time")
	FeedbackPage feedback(@PathVariable String lineKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "200") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new InvalidRequestException("error.feedback.offset-0-more-limit", MAX_PAGE);
		}
		LineScope scope = this.scopes.resolve("line:" + lineKey, from, to);
		return new FeedbackPage(scope.from(), scope.to(), this.log.count(scope), offset, this.log.page(scope, offset, limit));
	}

	@Requires(Permission.FEEDBACK_CODE)
	@PutMapping("/api/conversations/{conversationId}/coding")
	@Operation(summary = "Correct an interaction's coding, saying why; earlier versions stay in its history")
	void correct(@PathVariable long conversationId, @RequestBody CodingChange change) {
		this.coding.correct(conversationId, new Coding(change.topics(), change.informationTypes(), change.feedbackType()), change.reason());
	}

	record FeedbackPage(LocalDate from, LocalDate to, long total, int offset, List<LogRecord> records) {
	}

	record CodingChange(List<String> topics, List<InformationType> informationTypes, FeedbackType feedbackType, String reason) {
	}

}
