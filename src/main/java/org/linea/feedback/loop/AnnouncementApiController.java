package org.linea.feedback.loop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Announcements ("you said, we did") from scripts. */
@RestController
@Tag(name = "Broadcasts")
@Requires(Permission.BROADCAST_SEND)
class AnnouncementApiController {

	private final Announcements announcements;

	AnnouncementApiController(Announcements announcements) {
		this.announcements = announcements;
	}

	@PostMapping("/api/lines/{lineKey}/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tell the people who raised feedback themes or rumours what was done (\"you said, we did\")",
			description = "{\"name\", \"themes\"?: [topic codes], \"rumours\"?: [rumour group ids], \"message\": {\"text\"} | {\"entry\": \"KEY\"} | "
					+ "{\"template\": {\"name\", \"language\", \"parameters\"}}}: sent at once as a broadcast to the line's people whose feedback "
					+ "was coded with one of the themes or whose reports were grouped in one of the rumours, if their latest BROADCASTS "
					+ "consent is GIVEN (the others are counted in skipped by reason); their feedback records are marked with the "
					+ "announcement and its date. Answers {\"id\", \"broadcast\", \"recipients\", \"skipped\", \"records\"}.")
	Announcement create(@PathVariable String lineKey, @RequestBody AnnouncementRequest request) {
		return this.announcements.create(lineKey, request);
	}

}
