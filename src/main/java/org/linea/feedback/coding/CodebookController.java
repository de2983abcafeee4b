package org.linea.feedback.coding;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Access;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators keep their organisation's codebook: the topics operators code interactions with. */
@Controller
@Requires(Permission.CODEBOOK_EDIT)
@RedirectOnRefusal("/feedback/codebook?organisation={organisationId}")
class CodebookController {

	private final Codebook codebook;

	private final LineService lines;

	private final OrganisationService organisations;

	CodebookController(Codebook codebook, LineService lines, OrganisationService organisations) {
		this.codebook = codebook;
		this.lines = lines;
		this.organisations = organisations;
	}

	@GetMapping("/feedback/codebook")
	String codebook(@RequestParam(required = false) Long organisation, Model model) {
		List<Organisation> coordinated = coordinatedOrganisations();
		model.addAttribute("organisations", coordinated);
		coordinated.stream()
			.filter(o -> organisation == null || o.id() == organisation)
			.findFirst()
			.ifPresent(selected -> {
				model.addAttribute("organisation", selected);
				model.addAttribute("entries", this.codebook.entries(selected.id()));
			});
		return "feedback/codebook";
	}

	@PostMapping("/feedback/codebook/{organisationId}")
	String save(@PathVariable long organisationId, @RequestParam String category, @RequestParam String code,
			@RequestParam String labelEs, @RequestParam String labelEn, RedirectAttributes redirect) {
		requireCoordinator(organisationId);
		this.codebook.save(organisationId, category, code, labelEs, labelEn);
		redirect.addFlashAttribute("notice", "admin.saved");
		return "redirect:/feedback/codebook?organisation=" + organisationId;
	}

	@PostMapping("/feedback/codebook/{organisationId}/{entryId}/active")
	String setActive(@PathVariable long organisationId, @PathVariable long entryId, @RequestParam boolean active) {
		requireCoordinator(organisationId);
		this.codebook.setActive(organisationId, entryId, active);
		return "redirect:/feedback/codebook?organisation=" + organisationId;
	}

	private List<Organisation> coordinatedOrganisations() {
		Map<Long, Organisation> all = this.organisations.all().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
		return this.lines.accessibleLines(Permission.CODEBOOK_EDIT)
			.stream()
			.map(Line::organisationId)
			.distinct()
			.map(all::get)
			.toList();
	}

	private static void requireCoordinator(long organisationId) {
		Access.require(organisationId, Permission.CODEBOOK_EDIT, "error.missing.organisation", organisationId);
	}

}
