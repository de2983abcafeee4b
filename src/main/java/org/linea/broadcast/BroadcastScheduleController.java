package org.linea.broadcast;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.channel.ChannelService;
import org.linea.access.LineService;
import org.linea.shared.web.Refusals;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The schedules page of a line: its recurring broadcasts, a form for a new one from the content calendar, pause and resume. */
@Controller
@Requires(Permission.BROADCAST_SEND)
@RedirectOnRefusal("/broadcasts/lines/{lineKey}/schedules")
class BroadcastScheduleController {

	private final BroadcastSchedules schedules;

	private final LineService lines;

	private final ChannelService channels;

	BroadcastScheduleController(BroadcastSchedules schedules, LineService lines, ChannelService channels) {
		this.schedules = schedules;
		this.lines = lines;
		this.channels = channels;
	}

	@GetMapping("/broadcasts/lines/{lineKey}/schedules")
	String list(@PathVariable String lineKey, Model model) {
		var line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		model.addAttribute("line", line);
		model.addAttribute("schedules", this.schedules.list(lineKey));
		model.addAttribute("keyMessages", this.schedules.keyMessages(lineKey));
		model.addAttribute("templates", this.channels.templates(line));
		model.addAttribute("days", DayOfWeek.values());
		return "broadcast/schedules";
	}

	@PostMapping("/broadcasts/lines/{lineKey}/schedules")
	String create(@PathVariable String lineKey, ScheduleForm form, RedirectAttributes redirect) {
		Refusals.keep("form", form);
		this.schedules.create(lineKey, form.request());
		redirect.addFlashAttribute("notice", "broadcast.schedule.created");
		return "redirect:/broadcasts/lines/" + lineKey + "/schedules";
	}

	@PostMapping("/broadcast-schedules/{id}/pause")
	String pause(@PathVariable long id) {
		return "redirect:/broadcasts/lines/" + this.schedules.pause(id).line() + "/schedules";
	}

	@PostMapping("/broadcast-schedules/{id}/resume")
	String resume(@PathVariable long id) {
		return "redirect:/broadcasts/lines/" + this.schedules.resume(id).line() + "/schedules";
	}

	/**
	 * The page's form: days ticked, a local time ("10:00"), the calendar's key messages one per line in the order
	 * they are sent, and who receives them (languages, comma-separated tags), with a template for outside the window.
	 */
	record ScheduleForm(String name, List<DayOfWeek> days, String time, String entries, List<String> languages, String tags,
			String template, String parameters) {

		ScheduleRequest request() {
			LocalTime at = null;
			if (this.time != null && !this.time.isBlank()) {
				try {
					at = LocalTime.parse(this.time.strip());
				}
				catch (DateTimeParseException ex) {
					at = null;
				}
			}
			BroadcastMessage.TemplateRef ref = BroadcastMessage.TemplateRef.fromForm(this.template, null, this.parameters);
			return new ScheduleRequest(this.name, new Audience(ConsentPurpose.BROADCASTS, this.languages, split(this.tags, ","), null, null),
					this.days, at, split(this.entries, "[\\r\\n,]+"), ref);
		}

		private static List<String> split(String values, String separator) {
			return blank(values) ? List.of()
					: Arrays.stream(values.split(separator)).map(String::strip).filter(v -> !v.isEmpty()).toList();
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

}
