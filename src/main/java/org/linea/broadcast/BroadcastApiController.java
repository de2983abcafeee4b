package org.linea.broadcast;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Broadcasts from scripts: create, start, pause, resume, cancel, and follow their counts. */
@RestController
@Tag(name = "Broadcasts", description = "Messages to the people who consented to receive them, at the line's rate, never twice")
@Requires(Permission.BROADCAST_SEND)
class BroadcastApiController {

	private final BroadcastService broadcasts;

	private final BroadcastPreviews previews;

	private final BroadcastSchedules schedules;

	private final BroadcastSettingsStore settings;

	BroadcastApiController(BroadcastService broadcasts, BroadcastPreviews previews, BroadcastSchedules schedules,
			BroadcastSettingsStore settings) {
		this.broadcasts = broadcasts;
		this.previews = previews;
		this.schedules = schedules;
		this.settings = settings;
	}

	@GetMapping("/api/lines/{lineKey}/broadcast-settings")
	@Operation(summary = "The line's broadcast rules: quiet hours (local times in the line's time zone), weekly cap per person, daily unique-recipient limit")
	BroadcastSettingsView settings(@PathVariable String lineKey) {
		return this.settings.get(lineKey);
	}

	@PutMapping("/api/lines/{lineKey}/broadcast-settings")
	@Operation(summary = "Replace the line's broadcast rules",
			description = "{\"quietFrom\": \"21:00\"?, \"quietUntil\": \"08:00\"?, \"weeklyCap\": 3, \"dailyLimit\": 250?}: "
					+ "quiet hours need both times (or neither) and may run past midnight; weeklyCap 1 to 21; dailyLimit 1 or more, "
					+ "absent for none (on WhatsApp, the number's messaging tier). Every problem is answered at once, in the "
					+ "request's language (Accept-Language es or en).")
	BroadcastSettingsView updateSettings(@PathVariable String lineKey, @RequestBody BroadcastSettingsRequest request) {
		return this.settings.update(lineKey, request);
	}

	@PostMapping("/api/lines/{lineKey}/broadcasts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a broadcast (a draft until started)",
			description = "{\"name\", \"audience\": {\"consent\": \"BROADCASTS\", \"languages\"?, \"tags\"?, \"location\"?, \"lastContactDays\"?}, "
					+ "\"message\": {\"text\"} | {\"template\": {\"name\", \"language\", \"parameters\"}} | {\"entry\": \"KEY\"}, \"startAt\"?}. "
					+ "A text or entry may carry a template too: people outside WhatsApp's 24-hour window then get the template.")
	Created create(@PathVariable String lineKey, @RequestBody BroadcastRequest request) {
		return new Created(this.broadcasts.create(lineKey, request));
	}

	@GetMapping("/api/lines/{lineKey}/broadcasts")
	@Operation(summary = "The line's broadcasts, newest first")
	List<Broadcast> list(@PathVariable String lineKey) {
		return this.broadcasts.list(lineKey);
	}

	@GetMapping("/api/broadcasts/{id}")
	@Operation(summary = "A broadcast with its status, recipients and counts per status (QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, SKIPPED_...)")
	Broadcast get(@PathVariable long id) {
		return this.broadcasts.get(id);
	}

	@GetMapping("/api/broadcasts/{id}/failures")
	@Operation(summary = "Failed recipients by the provider's error code (e.g. 131049, 131026)")
	Map<String, Long> failures(@PathVariable long id) {
		return this.broadcasts.failures(id);
	}

	@GetMapping("/api/broadcasts/{id}/sms-fallbacks")
	@Operation(summary = "People not on WhatsApp (131026) by what happened to the SMS the organisation's SMS line sent them instead",
			description = "PENDING, QUEUED, SENT, DELIVERED, FAILED, or SKIPPED_NO_SMS_LINE / SKIPPED_NO_CONSENT / SKIPPED_NO_NUMBER / SKIPPED_NO_TEXT")
	Map<String, Long> smsFallbacks(@PathVariable long id) {
		return this.broadcasts.smsFallbacks(id);
	}

	@GetMapping("/api/broadcasts/{id}/preview")
	@Operation(summary = "What each language receives, with SMS segments and the cost estimate on SMS lines")
	BroadcastPreviews.Preview preview(@PathVariable long id) {
		return this.previews.of(id);
	}

	@PostMapping("/api/broadcasts/{id}/start")
	@Operation(summary = "Start a draft: lists the audience now and sends (or waits for startAt)")
	Broadcast start(@PathVariable long id) {
		return this.broadcasts.start(id);
	}

	@PostMapping("/api/broadcasts/{id}/pause")
	@Operation(summary = "Pause: nothing more is sent; messages not yet handed to the provider wait")
	Broadcast pause(@PathVariable long id) {
		return this.broadcasts.pause(id);
	}

	@PostMapping("/api/broadcasts/{id}/resume")
	@Operation(summary = "Resume a paused broadcast")
	Broadcast resume(@PathVariable long id) {
		return this.broadcasts.resume(id);
	}

	@PostMapping("/api/broadcasts/{id}/cancel")
	@Operation(summary = "Cancel: nobody still waiting receives it")
	Broadcast cancel(@PathVariable long id) {
		return this.broadcasts.cancel(id);
	}

	@PostMapping("/api/lines/{lineKey}/broadcast-schedules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A recurring broadcast from a content calendar",
			description = "{\"name\", \"audience\", \"days\": [\"MONDAY\", \"WEDNESDAY\", \"FRIDAY\"], \"time\": \"10:00\", "
					+ "\"entries\": [\"KEY-1\", \"KEY-2\"], \"template\"?}: on those days at that time (the line's time zone) "
					+ "a broadcast of the next key message in turn is created and started.")
	Created schedule(@PathVariable String lineKey, @RequestBody ScheduleRequest request) {
		return new Created(this.schedules.create(lineKey, request));
	}

	@GetMapping("/api/lines/{lineKey}/broadcast-schedules")
	@Operation(summary = "The line's broadcast schedules")
	List<BroadcastSchedules.Schedule> schedules(@PathVariable String lineKey) {
		return this.schedules.list(lineKey);
	}

	@PostMapping("/api/broadcast-schedules/{id}/pause")
	@Operation(summary = "Pause a schedule: no broadcast is created from it until it is resumed")
	BroadcastSchedules.Schedule pauseSchedule(@PathVariable long id) {
		return this.schedules.pause(id);
	}

	@PostMapping("/api/broadcast-schedules/{id}/resume")
	@Operation(summary = "Resume a paused schedule, from the key message it would have sent next")
	BroadcastSchedules.Schedule resumeSchedule(@PathVariable long id) {
		return this.schedules.resume(id);
	}

	record Created(long id) {
	}

}
