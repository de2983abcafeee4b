package org.linea.closure;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.broadcast.BroadcastMessage;
import org.linea.channel.ChannelService;
import org.linea.shared.Messages;
import org.linea.shared.web.RedirectOnRefusal;
import org.linea.shared.web.Refusals;

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
@RedirectOnRefusal("/lines/{lineKey}/closure")
class LineClosureController {

	private final LineClosures closures;

	private final LineService lines;

	private final Messages messages;

	private final ChannelService channels;

	LineClosureController(LineClosures closures, LineService lines, Messages messages, ChannelService channels) {
		this.messages = messages;
		this.closures = closures;
		this.lines = lines;
		this.channels = channels;
	}

	@GetMapping("/lines/{lineKey}/closure")
	String show(@PathVariable String lineKey, Model model) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		model.addAttribute("line", line);
		model.addAttribute("closure", this.closures.of(lineKey).orElse(null));
		model.addAttribute("templates", this.channels.templates(line));
		return "closure/closure";
	}

	/**
	 * The form: {@code text.es}, {@code text.en}... or {@code entry}, {@code alternatives}, {@code activeDays},
	 * {@code closesAt} local, optional {@code referral.es}..., optional {@code template} and {@code parameters}
	 * (for people outside WhatsApp's 24-hour window), {@code confirm}.
	 */
	@PostMapping("/lines/{lineKey}/closure")
	String close(@PathVariable String lineKey, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		Refusals.keep("form", form);
		if (!"true".equals(form.get("confirm"))) {
			throw this.messages.invalid("closure.confirmNeeded");
		}
		String entry = form.getOrDefault("entry", "").strip();
		Object message = entry.isEmpty() ? perLanguage(form, "text.") : entry;
		this.closures.close(lineKey, new ClosureRequest(message, form.get("alternatives"), days(form.get("activeDays")),
				closesAt(line, form.getOrDefault("closesAt", "").strip()),
				BroadcastMessage.TemplateRef.fromForm(form.get("template"), null, form.get("parameters")), perLanguage(form, "referral.")));
		redirect.addFlashAttribute("closed", true);
		return "redirect:/lines/" + lineKey + "/closure";
	}

	@PostMapping("/lines/{lineKey}/closure/reopen")
	String reopen(@PathVariable String lineKey, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		if (!confirm) {
			throw this.messages.invalid("closure.reopen.confirmNeeded");
		}
		this.closures.reopen(lineKey);
		redirect.addFlashAttribute("reopened", true);
		return "redirect:/lines/" + lineKey + "/closure";
	}

	private static Map<String, String> perLanguage(Map<String, String> form, String prefix) {
		Map<String, String> texts = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(prefix) && value != null && !value.isBlank()) {
				texts.put(name.substring(prefix.length()), value);
			}
		});
		return texts;
	}

	private java.time.Instant closesAt(Line line, String local) {
		if (local.isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local).atZone(line.timeZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw this.messages.invalid("closure.invalid.closesAt");
		}
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
