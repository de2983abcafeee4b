package org.linea.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.OrganisationService;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' page of an organisation's distribution list: who receives the Monday report,
 * with which lines and sections, at what hour, and how each delivery went (a failed one can be sent
 * again at once).
 */
@Controller
@Requires(Permission.REPORT_EDIT)
class RecipientsController {

	private final DistributionList list;

	private final WeeklyReportDelivery delivery;

	private final LineService lines;

	private final OrganisationService organisations;

	private final Clock clock;

	RecipientsController(DistributionList list, WeeklyReportDelivery delivery, LineService lines, OrganisationService organisations,
			Clock clock) {
		this.list = list;
		this.delivery = delivery;
		this.lines = lines;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/report/recipients")
	String recipients(@RequestParam(required = false) Long organisationId, Model model) {
		Map<Long, List<Line>> editable = new LinkedHashMap<>();
		this.lines.accessibleLines(Permission.REPORT_EDIT)
			.forEach(line -> editable.computeIfAbsent(line.organisationId(), id -> new ArrayList<>()).add(line));
		if (organisationId == null && editable.isEmpty()) {
			throw new NotFoundException("error.missing.report-organisation");
		}
		long organisation = organisationId != null ? organisationId : editable.keySet().iterator().next();
		Access.require(organisation, Permission.REPORT_EDIT, "error.missing.organisation", organisation);
		Map<Long, String> names = new LinkedHashMap<>();
		editable.keySet().forEach(id -> names.put(id, this.organisations.get(id).name()));
		model.addAttribute("organisation", organisation);
		model.addAttribute("organisations", names);
		model.addAttribute("lines", editable.getOrDefault(organisation, List.of()));
		model.addAttribute("recipients", this.list.recipients(organisation));
		model.addAttribute("deliveries", this.list.deliveries(organisation));
		model.addAttribute("hour", this.list.hour(organisation));
		model.addAttribute("programmes", Programme.values());
		model.addAttribute("sections", ReportSection.values());
		model.addAttribute("languages", ReportLanguage.LANGUAGES);
		return "report/recipients";
	}

	@PostMapping("/report/recipients")
	String add(@RequestParam long organisationId, @RequestParam String name, @RequestParam String email,
			@RequestParam Programme programme, @RequestParam(required = false) String language,
			@RequestParam(required = false) List<Long> lines, @RequestParam(required = false) List<String> sections,
			RedirectAttributes redirect) {
		Access.require(organisationId, Permission.REPORT_EDIT, "error.missing.organisation", organisationId);
		List<Long> own = lines == null ? List.of()
				: lines.stream().filter(id -> this.lines.findById(id).filter(l -> l.organisationId() == organisationId).isPresent())
					.toList();
		boolean added = this.list.add(organisationId, name, email, programme, language, own, sections);
		redirect.addFlashAttribute(added ? "notice" : "error", added ? "report.recipients.added" : "report.recipients.invalid");
		return back(organisationId);
	}

	@PostMapping("/report/recipients/remove")
	String remove(@RequestParam long organisationId, @RequestParam long recipient, RedirectAttributes redirect) {
		Access.require(organisationId, Permission.REPORT_EDIT, "error.missing.organisation", organisationId);
		this.list.remove(organisationId, recipient);
		redirect.addFlashAttribute("notice", "report.recipients.removed");
		return back(organisationId);
	}

	@PostMapping("/report/recipients/hour")
	String hour(@RequestParam long organisationId, @RequestParam int hour, RedirectAttributes redirect) {
		Access.require(organisationId, Permission.REPORT_EDIT, "error.missing.organisation", organisationId);
		this.list.hour(organisationId, hour);
		redirect.addFlashAttribute("notice", "report.recipients.hourSaved");
		return back(organisationId);
	}

	@PostMapping("/report/recipients/retry")
	String retry(@RequestParam long organisationId, @RequestParam long delivery, RedirectAttributes redirect) {
		Access.require(organisationId, Permission.REPORT_EDIT, "error.missing.organisation", organisationId);
		if (this.delivery.retry(organisationId, delivery, this.clock.instant())) {
			redirect.addFlashAttribute("notice", "report.recipients.retried");
		}
		return back(organisationId);
	}

	private static String back(long organisationId) {
		return "redirect:/report/recipients?organisationId=" + organisationId;
	}

}
