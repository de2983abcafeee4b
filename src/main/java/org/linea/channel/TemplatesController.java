package org.linea.channel;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The templates page of a line: each template's language, category and status, and a button to read them again. */
@Controller
@RequestMapping("/lines/{lineKey}/templates")
@Requires({ Permission.BROADCAST_SEND, Permission.ORG_ADMIN })
class TemplatesController {

	private final ChannelTemplates templates;

	TemplatesController(ChannelTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	String page(@PathVariable String lineKey, Model model) {
		model.addAttribute("view", this.templates.list(lineKey));
		return "channel/templates";
	}

	@PostMapping("/sync")
	String sync(@PathVariable String lineKey, RedirectAttributes redirect) {
		try {
			ChannelTemplates.Sync sync = this.templates.sync(lineKey);
			redirect.addFlashAttribute(sync.succeeded() ? "notice" : "error", sync.succeeded() ? "channel.templates.synced" : "channel.templates.syncFailed");
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("errorText", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "redirect:/lines/" + lineKey + "/templates";
	}

}
