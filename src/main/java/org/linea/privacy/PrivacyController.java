package org.linea.privacy;

import org.linea.access.AuditFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import org.linea.shared.web.RedirectOnRefusal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The privacy pages: retention and purge per line, a person's requests, and the audit trail. */
@Controller
@RedirectOnRefusal("/privacy?line={lineKey}")
class PrivacyController {

	private final LineService lines;

	private final RetentionService retention;

	private final SubjectRequests requests;

	private final ScheduledErasures erasures;

	private final ErasurePolicies policies;

	private final AuditTrail trail;

	private final JsonMapper json;

	PrivacyController(LineService lines, RetentionService retention, SubjectRequests requests, ScheduledErasures erasures,
			ErasurePolicies policies, AuditTrail trail, JsonMapper json) {
		this.lines = lines;
		this.retention = retention;
		this.requests = requests;
		this.erasures = erasures;
		this.policies = policies;
		this.trail = trail;
		this.json = json;
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/privacy")
	String privacy(@RequestParam(required = false) String line, Model model) {
		List<Line> managed = this.lines.accessibleLines(Permission.PRIVACY_MANAGE);
		model.addAttribute("lines", managed);
		Line chosen = managed.stream().filter(l -> l.key().equals(line)).findFirst()
			.orElse(managed.isEmpty() ? null : managed.getFirst());
		model.addAttribute("line", chosen);
		if (chosen != null) {
			model.addAttribute("periods", this.retention.periods(chosen.key()));
			model.addAttribute("atOnce", this.policies.erasesAtOnce(chosen.id()));
			model.addAttribute("pending", this.erasures.pending(chosen.key()));
			model.addAttribute("erasures", this.requests.erasures(chosen.key()));
		}
		return "privacy/privacy";
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/periods")
	String period(@PathVariable String lineKey, @RequestParam String dataType, @RequestParam int days, RedirectAttributes redirect) {
		// a line of another organisation is missing, not a message on the page
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		return attempt(lineKey, redirect, "privacy.saved", () -> this.retention.setPeriod(lineKey, dataType, days));
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/policy")
	String policy(@PathVariable String lineKey, @RequestParam boolean atOnce, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		this.policies.set(line.id(), atOnce);
		redirect.addFlashAttribute("notice", "privacy.saved");
		return "redirect:/privacy?line=" + lineKey;
	}

	/** The confirmation: what a purge would erase, by type, before anything goes. */
	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/privacy/{lineKey}/purge")
	String confirmPurge(@PathVariable String lineKey, @RequestParam String olderThan, Model model) {
		model.addAttribute("line", this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE));
		Duration duration = duration(olderThan);
		model.addAttribute("olderThan", olderThan.strip());
		model.addAttribute("before", Instant.now().minus(duration));
		model.addAttribute("counts", this.retention.preview(lineKey, duration));
		return "privacy/purge";
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/purge")
	String purge(@PathVariable String lineKey, @RequestParam String olderThan, RedirectAttributes redirect) {
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		redirect.addFlashAttribute("purged", this.retention.purge(lineKey, duration(olderThan)));
		redirect.addFlashAttribute("notice", "privacy.purged");
		return "redirect:/privacy?line=" + lineKey;
	}

	/** Finding a person by number is a POST, so the number never lands in an address or a log line. */
	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/lookup")
	String lookup(@PathVariable String lineKey, @RequestParam String phone, RedirectAttributes redirect) {
		// a line of another organisation is missing, not a message on the page
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		try {
			return "redirect:/privacy/" + lineKey + "/contacts/" + this.requests.lookup(lineKey, phone).code();
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("error", "privacy.nobody");
		}
		return "redirect:/privacy?line=" + lineKey;
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/privacy/{lineKey}/contacts/{code}")
	String contact(@PathVariable String lineKey, @PathVariable String code, Model model) {
		model.addAttribute("line", this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE));
		model.addAttribute("contact", this.requests.summary(lineKey, code));
		return "privacy/contact";
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/privacy/{lineKey}/contacts/{code}/export")
	ResponseEntity<byte[]> export(@PathVariable String lineKey, @PathVariable String code) {
		byte[] body = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(this.requests.export(lineKey, code));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(code + ".json").build().toString())
			.body(body);
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/contacts/{code}/erase")
	String erase(@PathVariable String lineKey, @PathVariable String code, @RequestParam(defaultValue = "") String confirm,
			RedirectAttributes redirect) {
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		if (!code.equals(confirm.strip())) {
			redirect.addFlashAttribute("error", "privacy.confirmCode");
			return "redirect:/privacy/" + lineKey + "/contacts/" + code;
		}
		this.requests.erase(lineKey, code);
		redirect.addFlashAttribute("notice", "privacy.erased");
		return "redirect:/privacy?line=" + lineKey;
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/requests/{id}/confirm")
	String confirmRequest(@PathVariable String lineKey, @PathVariable long id, RedirectAttributes redirect) {
		// a line of another organisation is missing, not a message on the page
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		return attempt(lineKey, redirect, "privacy.erased", () -> this.erasures.confirm(lineKey, id));
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/privacy/{lineKey}/requests/{id}/reject")
	String rejectRequest(@PathVariable String lineKey, @PathVariable long id, RedirectAttributes redirect) {
		// a line of another organisation is missing, not a message on the page
		this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		return attempt(lineKey, redirect, "privacy.rejected", () -> this.erasures.reject(lineKey, id));
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@GetMapping("/privacy/audit")
	String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		AuditFilter filter = filter(user, action, from, to);
		model.addAttribute("entries", this.trail.search(filter));
		model.addAttribute("actions", this.trail.actions());
		model.addAttribute("filter", Map.of("user", blank(user), "action", blank(action), "from", blank(from), "to", blank(to)));
		return "privacy/audit";
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@GetMapping("/privacy/audit.csv")
	void auditCsv(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response)
			throws IOException {
		AuditFilter filter = filter(user, action, from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit.csv").build().toString());
		this.trail.exportCsv(filter, response.getWriter());
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@PostMapping("/privacy/audit/verify")
	String verify(RedirectAttributes redirect) {
		redirect.addFlashAttribute("verification", this.trail.verify());
		return "redirect:/privacy/audit";
	}

	private static AuditFilter filter(String user, String action, String from, String to) {
		try {
			return new AuditFilter(user, action, day(from), to == null || to.isBlank() ? null : day(to).plus(Duration.ofDays(1)));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException("error.privacy.dates-written-yyyy-mm");
		}
	}

	private static Instant day(String value) {
		return value == null || value.isBlank() ? null : LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

	private static Duration duration(String value) {
		try {
			return Duration.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException("error.privacy.write-age-iso-8601");
		}
	}

	private static String attempt(String lineKey, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("errorText", ex.getMessage());
		}
		return "redirect:/privacy?line=" + lineKey;
	}

}
