package org.linea.bot;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.linea.access.Requires;
import org.linea.access.Permission;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bot", description = "Automatic answers from a line's knowledge bank")
@Requires(Permission.BOT_REVIEW)
class BotApiController {

	private final BotService bot;

	BotApiController(BotService bot) {
		this.bot = bot;
	}

	@PostMapping("/api/lines/{lineKey}/bot/decide")
	@Operation(summary = "What the bot would do with this message: nothing is sent, no contact is created, nothing is recorded")
	Decided decide(@PathVariable String lineKey, @Valid @RequestBody Message message) {
		BotDecision decision = this.bot.test(lineKey, message.text());
		return new Decided(decision.kind(), decision.reason(), decision.entryKey(), decision.score(), decision.language(),
				decision.candidates(), decision.menu(), decision.replies());
	}

	record Message(@NotBlank @Size(max = 4096) String text) {
	}

	/**
	 * @param entryId the entry answered, or null
	 * @param replies what the bot would send
	 */
	record Decided(DecisionKind decision, String reason, String entryId, double score, String language,
			List<Candidate> candidates, List<String> menu, List<String> replies) {
	}

}
