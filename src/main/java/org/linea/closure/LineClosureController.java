package org.linea.closure;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The closing page of a line: what it says last, to whom, and the confirmation; or, once closed, its closure. */
@Controller
@Requires(Permission.LINE_CLOSE)
class LineClosureController {

	private final LineClosures closures;

	private final LineService lines;

	private final Messages messages;

	LineClosureController(LineClosures closures, LineService lines, Messages messages) {
		this.messages = messages;
		this.closures = closures;
		this.lines = lines;
	}

	@GetMapping("/lines/{lineKey}/closure")
	String show(@PathVariable String lineKey, Model model) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		model.addAttribute("line", line);
		model.addAttribute("closure", this.closures.of(lineKey).orElse(null));
		return "closure/closure";
	}

	/** The form: {@code text.es}, {@code text.en}... or {@code entry}, {@code alternatives}, {@code activeDays}, {@code closesAt} local, {@code confirm}. */
	@PostMapping("/lines/{lineKey}/closure")
	String close(@PathVariable String lineKey, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		try {
			if (!"true".equals(form.get("confirm"))) {
				throw this.messages.invalid("closure.confirmNeeded");
			}
			Map<String, String> texts = new LinkedHashMap<>();
			form.forEach((name, value) -> {
				if (name.startsWith("text.") && value != null && !value.isBlank()) {
					texts.put(name.substring(5), value);
				}
			});
			String entry = form.getOrDefault("entry", "").strip();
			Object message = entry.isEmpty() ? texts : entry;
			String closesAt = form.getOrDefault("closesAt", "").strip();
			this.closures.close(lineKey, new ClosureRequest(message, form.get("alternatives"), days(form.get("activeDays")),
					closesAt.isEmpty() ? null : LocalDateTime.parse(closesAt).atZone(line.timeZone()).toInstant(), null));
			redirect.addFlashAttribute("closed", true);
		}
		catch (InvalidRequestException | java.time.format.DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", ex instanceof InvalidRequestException ? ex.getMessage() : this.messages.get("closure.invalid.closesAt"));
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/lines/" + lineKey + "/closure";
	}

	private static Integer days(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
