package org.linea.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A line's templates with their provider status and category, and a reading from the provider on demand. */
@RestController
@RequestMapping("/api/lines/{lineKey}/templates")
@Tag(name = "Templates", description = "WhatsApp templates of a line, kept in step with Meta or Twilio")
@Requires({ Permission.BROADCAST_SEND, Permission.ORG_ADMIN })
class TemplatesApiController {

	private final ChannelTemplates templates;

	TemplatesApiController(ChannelTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	@Operation(summary = "The line's templates: name, language, category (MARKETING/UTILITY/AUTHENTICATION), status, wording, parameters")
	TemplatesView list(@PathVariable String lineKey) {
		return TemplatesView.of(this.templates.list(lineKey));
	}

	@PostMapping("/sync")
	@Operation(summary = "Read the line's templates from its provider now (WhatsApp Business Account or Twilio Content); "
			+ "lastSync says whether it succeeded and why not")
	TemplatesView sync(@PathVariable String lineKey) {
		try {
			this.templates.sync(lineKey);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
		}
		return list(lineKey);
	}

}
