package org.linea.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.LocalizedException;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank's pages: the list of entries, an entry with its versions, topics, import and export. */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

	private final KnowledgeService knowledge;

	private final LineService lines;

	private final MessageSource messages;

	KnowledgeController(KnowledgeService knowledge, LineService lines, MessageSource messages) {
		this.knowledge = knowledge;
		this.lines = lines;
		this.messages = messages;
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping
	String choose(Model model) {
		List<Line> readable = this.knowledge.readableLines();
		if (readable.size() == 1) {
			return "redirect:/knowledge/" + readable.getFirst().key();
		}
		model.addAttribute("lines", readable);
		return "knowledge/lines";
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/{lineKey}")
	String bank(@PathVariable String lineKey, @RequestParam(required = false) EntryStatus status, Model model) {
		List<KnowledgeEntry> entries = this.knowledge.entries(lineKey);
		Line line = this.lines.findByKey(lineKey).orElseThrow();
		model.addAttribute("line", line);
		model.addAttribute("canEdit", this.knowledge.canEdit(line));
		model.addAttribute("status", status);
		model.addAttribute("statuses", EntryStatus.values());
		model.addAttribute("entries", status == null ? entries : entries.stream().filter(e -> e.status() == status).toList());
		model.addAttribute("topics", this.knowledge.topics(lineKey));
		return "knowledge/bank";
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/topics")
	@RedirectOnRefusal("/knowledge/{lineKey}")
	String saveTopic(@PathVariable String lineKey, @RequestParam String slug, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		this.knowledge.saveTopic(lineKey, slug, name);
		redirect.addFlashAttribute("notice", "knowledge.saved");
		return "redirect:/knowledge/" + lineKey;
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/import")
	@RedirectOnRefusal("/knowledge/{lineKey}")
	String importFile(@PathVariable String lineKey, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean validate, RedirectAttributes redirect, Locale locale) throws IOException {
		byte[] content = file.getBytes();
		try {
			ImportResult result = this.knowledge.importBank(lineKey, BankFile.detect(file.getOriginalFilename(), content),
					new ByteArrayInputStream(content), validate);
			redirect.addFlashAttribute("imported", result);
		}
		catch (ImportFailedException ex) {
			redirect.addFlashAttribute("problems", ImportProblems.describe(ex.problems(), this.messages, locale));
		}
		return "redirect:/knowledge/" + lineKey;
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/{lineKey}/export")
	ResponseEntity<byte[]> export(@PathVariable String lineKey, @RequestParam(defaultValue = "xlsx") String format) {
		return KnowledgeApiController.download(this.knowledge, lineKey, format);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@GetMapping("/{lineKey}/entries/new")
	String newEntry(@PathVariable String lineKey, @RequestParam(defaultValue = "") String question, Model model) {
		this.knowledge.topics(lineKey);
		EntryContent blank = new EntryContent("", "", EntryKind.FAQ, question, List.of(), Map.of(), List.of(), List.of(), "",
				null);
		return form(lineKey, null, blank, model);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/entries")
	String create(@PathVariable String lineKey, @RequestParam Map<String, String> fields, Model model, Locale locale) {
		EntryContent content = null;
		try {
			content = EntryForm.read(fields);
			KnowledgeEntry created = this.knowledge.create(lineKey, content);
			return "redirect:/knowledge/" + lineKey + "/entries/" + created.key();
		}
		catch (ImportFailedException | InvalidRequestException ex) {
			showRefusal(ex, model, locale);
		}
		return form(lineKey, null, content != null ? content : EntryForm.read(Map.of()), model);
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/{lineKey}/entries/{key}")
	String entry(@PathVariable String lineKey, @PathVariable String key, Model model) {
		KnowledgeEntry entry = this.knowledge.entry(lineKey, key);
		return form(lineKey, entry, entry.content(), model);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/entries/{key}")
	String edit(@PathVariable String lineKey, @PathVariable String key, @RequestParam Map<String, String> fields, Model model,
			Locale locale, RedirectAttributes redirect) {
		EntryContent content = null;
		try {
			content = EntryForm.read(fields);
			this.knowledge.edit(lineKey, key, content);
			redirect.addFlashAttribute("notice", "knowledge.saved");
			return "redirect:/knowledge/" + lineKey + "/entries/" + key;
		}
		catch (ImportFailedException | InvalidRequestException ex) {
			showRefusal(ex, model, locale);
		}
		KnowledgeEntry entry = this.knowledge.entry(lineKey, key);
		return form(lineKey, entry, content != null ? content : entry.content(), model);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/entries/{key}/status")
	String status(@PathVariable String lineKey, @PathVariable String key, @RequestParam EntryStatus status,
			RedirectAttributes redirect) {
		this.knowledge.setStatus(lineKey, key, status);
		redirect.addFlashAttribute("notice", "knowledge.statusChanged");
		return "redirect:/knowledge/" + lineKey + "/entries/" + key;
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/{lineKey}/entries/{key}/versions/{version}")
	String version(@PathVariable String lineKey, @PathVariable String key, @PathVariable int version, Model model) {
		model.addAttribute("v", this.knowledge.version(lineKey, key, version));
		Line line = this.lines.findByKey(lineKey).orElseThrow();
		model.addAttribute("line", line);
		model.addAttribute("key", key);
		model.addAttribute("current", this.knowledge.entry(lineKey, key).version());
		model.addAttribute("canEdit", this.knowledge.canEdit(line));
		return "knowledge/version";
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping("/{lineKey}/entries/{key}/versions/{version}/restore")
	String restore(@PathVariable String lineKey, @PathVariable String key, @PathVariable int version,
			RedirectAttributes redirect) {
		this.knowledge.restore(lineKey, key, version);
		redirect.addFlashAttribute("notice", "knowledge.restored");
		return "redirect:/knowledge/" + lineKey + "/entries/" + key;
	}

	/** The form again, with what was typed and why it was refused. */
	private void showRefusal(RuntimeException ex, Model model, Locale locale) {
		if (ex instanceof ImportFailedException failed) {
			model.addAttribute("problems", ImportProblems.describe(failed.problems(), this.messages, locale));
		}
		else if (ex instanceof LocalizedException refused) {
			model.addAttribute("error", this.messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale));
		}
	}

	private String form(String lineKey, KnowledgeEntry entry, EntryContent content, Model model) {
		Line line = this.lines.findByKey(lineKey).orElseThrow();
		Set<String> languages = new LinkedHashSet<>(line.languages());
		languages.addAll(BankColumns.LANGUAGES);
		languages.addAll(content.answers().keySet());
		model.addAttribute("line", line);
		model.addAttribute("entry", entry);
		model.addAttribute("entryContent", content);
		model.addAttribute("languages", languages);
		model.addAttribute("kinds", EntryKind.values());
		model.addAttribute("statuses", EntryStatus.values());
		model.addAttribute("topics", this.knowledge.topics(lineKey));
		model.addAttribute("canEdit", this.knowledge.canEdit(line));
		model.addAttribute("attachments", BankRows.formatAttachments(content.attachments()));
		model.addAttribute("versions", entry == null ? List.of() : this.knowledge.versions(lineKey, entry.key()));
		return "knowledge/entry";
	}

}
