package org.linea.feedback.loop;

import java.util.List;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.broadcast.BroadcastMessage;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page creating an announcement, reached from the feedback log and from a rumour's page. */
@Controller
@Requires(Permission.BROADCAST_SEND)
class AnnouncementController {

	private final Announcements announcements;

	private final LineService lines;

	private final Messages messages;

	AnnouncementController(Announcements announcements, LineService lines, Messages messages) {
		this.announcements = announcements;
		this.lines = lines;
		this.messages = messages;
	}

	@GetMapping("/feedback/announcements/new")
	String form(@RequestParam(required = false) String line, @RequestParam(required = false) List<String> theme,
			@RequestParam(required = false) List<Long> rumour, Model model) {
		List<Line> choices = this.lines.accessibleLines(Permission.BROADCAST_SEND);
		Line chosen = choices.stream().filter(l -> l.key().equals(line)).findFirst().orElse(choices.isEmpty() ? null : choices.getFirst());
		model.addAttribute("lines", choices);
		model.addAttribute("line", chosen);
		model.addAttribute("choices", chosen == null ? null : this.announcements.choices(chosen));
		model.addAttribute("themes", theme == null ? List.of() : theme);
		model.addAttribute("rumours", rumour == null ? List.of() : rumour.stream().map(String::valueOf).toList());
		return "feedback/announcement";
	}

	@PostMapping("/feedback/announcements")
	String create(@RequestParam(required = false) String line, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> theme, @RequestParam(required = false) List<Long> rumour,
			@RequestParam(required = false) String text, @RequestParam(required = false) String entry, RedirectAttributes redirect) {
		try {
			if (line == null || line.isBlank()) {
				throw this.messages.invalid("announcement.invalid.line");
			}
			Announcement created = this.announcements.create(line, new AnnouncementRequest(name, theme, rumour,
					new BroadcastMessage(text, null, entry)));
			redirect.addFlashAttribute("announced", created);
			return "redirect:/broadcasts/" + created.broadcast();
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addAttribute("line", line);
			if (theme != null) {
				redirect.addAttribute("theme", theme);
			}
			if (rumour != null) {
				redirect.addAttribute("rumour", rumour);
			}
			return "redirect:/feedback/announcements/new";
		}
	}

}
